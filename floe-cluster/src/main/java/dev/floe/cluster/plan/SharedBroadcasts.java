package dev.floe.cluster.plan;

import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import java.util.List;
import java.util.Optional;

/**
 * Lets join sides that compute the same subplan read one broadcast stage: a side that is a projection of one of
 * the optimizer's shared subplans ({@link Cache}) broadcasts the whole subplan and projects it in each reading
 * task, so another consumer of the subplan finds the same broadcast already cut ({@link #exists}) and reads it at
 * no extra stage (PDS-H q20: the semi join's keys and the inner join's side are one partsupp join); a broadcast
 * stage computing the side with more columns is read too ({@link CoveringBroadcasts}).
 */
final class SharedBroadcasts {
    private final StageBuilder stages;
    private final SizeEstimator sizes;
    private final long broadcastLimit;

    SharedBroadcasts(StageBuilder stages, SizeEstimator sizes, long broadcastLimit) {
        this.stages = stages;
        this.sizes = sizes;
        this.broadcastLimit = broadcastLimit;
    }

    /** Whether a broadcast stage computing {@code side} is already cut: broadcasting it costs no new stage. */
    boolean exists(PlanPart side) {
        return stages.existing(side, new Exchange.Broadcast()).isPresent()
                || CoveringBroadcasts.find(stages.cutSoFar(), side).isPresent();
    }

    /**
     * The bytes the sources of {@code side} (planned from {@code logical}) read when a broadcast stage of it is
     * already cut, so any other distribution of its join computes it a second time; 0 when there is no such stage
     * or the sources' size is unknown.
     */
    long recomputeBytes(PlanPart side, LogicalPlan logical) {
        if (!exists(side)) {
            return 0;
        }
        long total = sourceBytes(logical);
        return total == SizeEstimator.UNKNOWN ? 0 : total;
    }

    private long sourceBytes(LogicalPlan plan) {
        if (plan.inputs().isEmpty()) {
            return sizes.bytes(plan);
        }
        long total = 0;
        for (LogicalPlan input : plan.inputs()) {
            long bytes = sourceBytes(input);
            if (bytes == SizeEstimator.UNKNOWN) {
                return SizeEstimator.UNKNOWN;
            }
            total = Math.min(SizeEstimator.UNKNOWN - 1, total + bytes);
        }
        return total;
    }

    /**
     * The broadcast of {@code side} (planned from {@code logical}): the placeholder of its broadcast stage, under
     * the side's projection when the stage computes the whole shared subplan below it, and the stages it reads.
     */
    Read broadcast(PlanPart side, LogicalPlan logical) {
        Optional<Project> projection = sharedProjection(side, logical);
        PlanPart whole = projection.map(project -> side.with(project.input())).orElse(side);
        Optional<Read> covering = stages.existing(whole, new Exchange.Broadcast()).isPresent() ? Optional.empty()
                : CoveringBroadcasts.find(stages.cutSoFar(), whole);
        Read read = covering.orElseGet(() -> {
            int id = stages.cut(whole, new Exchange.Broadcast());
            return new Read(ShuffleInputs.broadcastPlaceholder(id, whole.plan().schema()), List.of(id));
        });
        LogicalPlan plan = projection.<LogicalPlan>map(project -> project.withInputs(List.of(read.plan())))
                .orElse(read.plan());
        return new Read(plan, read.inputs());
    }

    /**
     * The projection on top of {@code side} when it projects a shared subplan whose whole rows fit the broadcast
     * limit; empty otherwise (the side is broadcast as it is).
     */
    private Optional<Project> sharedProjection(PlanPart side, LogicalPlan logical) {
        if (logical instanceof Project logicalProject && logicalProject.input() instanceof Cache cache
                && side.plan() instanceof Project project && project.input() instanceof Cache
                && sizes.bytes(cache) <= broadcastLimit) {
            return Optional.of(project);
        }
        return Optional.empty();
    }

    /** The plan a probing task reads a broadcast side with, and the stages it reads. */
    record Read(LogicalPlan plan, List<Integer> inputs) {
        Read {
            inputs = List.copyOf(inputs);
        }
    }
}
