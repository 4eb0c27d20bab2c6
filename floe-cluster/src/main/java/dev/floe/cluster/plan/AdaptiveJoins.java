package dev.floe.cluster.plan;

import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.LongFunction;

/**
 * Finds the partitioned joins worth deciding at run time ({@link AdaptiveJoin}): the planner chose to partition
 * both sides, but one side's size is a guess (a filter over a grouped aggregation: PDS-H q18's orders with more
 * than 300 units, which keep a few hundred of millions of rows) and broadcasting it would win were it small. The
 * {@link JoinPlanner} cuts the guessed side as a stage of its own and records a {@link Pending} join; once the
 * whole graph is cut, {@link #resolve} builds the broadcast variant of the stage that joins them.
 */
final class AdaptiveJoins {
    private AdaptiveJoins() {
    }

    /**
     * A join planned partitioned that may run broadcast: the logical join, the stages of its held (shuffled source)
     * and small (guessed) sides, the small side's row limit, and the held side as planned before its shuffle.
     */
    record Pending(Join join, int heldStage, int smallStage, long maxRows, PlanPart held) {
    }

    /** Whether the size of {@code side} rests on a guess: a filter over a grouped aggregation's output. */
    static boolean uncertain(LogicalPlan side) {
        if (side instanceof Filter filter && groupedAggregateBelow(filter.input())) {
            return true;
        }
        for (LogicalPlan input : side.inputs()) {
            if (uncertain(input)) {
                return true;
            }
        }
        return false;
    }

    private static boolean groupedAggregateBelow(LogicalPlan plan) {
        LogicalPlan below = plan;
        while (below instanceof Project || below instanceof WithColumns || below instanceof Filter
                || below instanceof Cache) {
            below = below.inputs().getFirst();
        }
        return below instanceof Aggregate aggregate && !aggregate.keys().isEmpty();
    }

    /**
     * The most bytes of the small side for which {@link JoinDistribution} would broadcast it (the sides it
     * describes for a given small side's bytes), at most the broadcast limit; -1 when it would never.
     */
    static long maxBroadcastBytes(LongFunction<JoinDistribution.Sides> sides, long broadcastLimit) {
        if (JoinDistribution.choose(sides.apply(0)) != JoinDistribution.BROADCAST_RIGHT) {
            return -1;
        }
        long low = 0;
        long high = broadcastLimit;
        while (low < high) {
            long middle = low + (high - low + 1) / 2;
            if (JoinDistribution.choose(sides.apply(middle)) == JoinDistribution.BROADCAST_RIGHT) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /**
     * The adaptive joins of {@code graph}: for each pending join whose held stage is read by one stage only, that
     * stage (no source splits of its own, no forward input, not a forward output) with the held side's plan in
     * place of its shuffle input and the small side read as a broadcast. A pending join that does not fit has none
     * (the planner plans it again partitioned as usual).
     */
    static List<AdaptiveJoin> resolve(StageGraph graph, List<Pending> pending) {
        List<AdaptiveJoin> result = new ArrayList<>();
        for (Pending join : pending) {
            List<Stage> consumers = graph.consumers(join.heldStage());
            if (consumers.size() != 1) {
                continue;
            }
            Stage stage = consumers.getFirst();
            boolean forward = stage.output() instanceof Exchange.Forward || stage.inputStages().stream()
                    .anyMatch(input -> graph.stage(input).output() instanceof Exchange.Forward);
            if (forward || !stage.splits().isEmpty() || !stage.inputStages().contains(join.smallStage())) {
                continue;
            }
            int[] replaced = new int[2];
            LogicalPlan fragment = replaceInputs(stage.fragment(), join, replaced);
            if (replaced[0] != 1 || replaced[1] != 1) {
                continue;
            }
            List<Integer> inputs = new ArrayList<>(stage.inputStages());
            inputs.remove(Integer.valueOf(join.heldStage()));
            inputs.addAll(join.held().inputs());
            Stage variant = new Stage(stage.id(), SharedCaches.keepShared(fragment), join.held().partitions(),
                    stage.output(), inputs.stream().distinct().toList(), join.held().splits());
            result.add(new AdaptiveJoin(join.smallStage(), join.heldStage(), join.maxRows(), variant));
        }
        return result;
    }

    /** {@code plan} with the held side's shuffle input replaced by its plan and the small side's by a broadcast. */
    private static LogicalPlan replaceInputs(LogicalPlan plan, Pending join, int[] replaced) {
        OptionalInt stage = ShuffleInputs.stageOf(plan);
        if (stage.isPresent() && !ShuffleInputs.isBroadcast(plan)) {
            if (stage.getAsInt() == join.heldStage()) {
                replaced[0]++;
                return join.held().plan();
            }
            if (stage.getAsInt() == join.smallStage()) {
                replaced[1]++;
                return ShuffleInputs.broadcastPlaceholder(join.smallStage(), plan.schema());
            }
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        for (LogicalPlan input : plan.inputs()) {
            inputs.add(replaceInputs(input, join, replaced));
        }
        return inputs.isEmpty() ? plan : plan.withInputs(inputs);
    }
}
