package dev.floe.cluster.plan;

import dev.floe.cluster.DistributedOptions;
import dev.floe.io.FileFormat;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.optimizer.JoinSwap;
import dev.floe.plan.logical.Scan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Places a join in the stage graph: both sides in one task when both are single partitions; otherwise the
 * {@link JoinDistribution} with the least estimated work: the right side broadcast to the left's partitions, the
 * left side broadcast to the right's (an inner join, swapped to build on the broadcast rows), or both sides
 * hash-partitioned on the keys, where a side already hashed on them stays in place. A broadcast side that is a
 * single partition of a few rows of Parquet files ({@link #INLINE_SOURCE_ROWS}) is no stage at all: every task
 * of the probing stage reads it itself.
 */
final class JoinPlanner {
    /** A broadcast side that scans at most this many rows of files is read by every task instead of shuffled. */
    static final long INLINE_SOURCE_ROWS = 200_000;
    /** A left side that keeps at most this fraction of its sources' rows is worth filtering the right side with. */
    static final double REDUCING_FRACTION = 0.2;

    private final StageBuilder stages;
    private final SizeEstimator sizes;
    private final DistributedOptions options;
    private final Function<LogicalPlan, PlanPart> parts;

    JoinPlanner(StageBuilder stages, SizeEstimator sizes, DistributedOptions options,
            Function<LogicalPlan, PlanPart> parts) {
        this.stages = stages;
        this.sizes = sizes;
        this.options = options;
        this.parts = parts;
    }

    PlanPart join(Join join) {
        PlanPart left = parts.apply(join.left());
        PlanPart right = parts.apply(join.right());
        if (left.partitions() == 1 && right.partitions() == 1 && right.inputs().isEmpty()
                && left.splits().isEmpty() && join.type() != JoinType.RIGHT && join.type() != JoinType.FULL) {
            return new PlanPart(join.withInputs(List.of(left.plan(), right.plan())), 1, left.inputs(),
                    right.splits(), left.partitioning().throughJoin(join, true));
        }
        if (join.type() == JoinType.CROSS) {
            return broadcastRight(join, left, right);
        }
        Optional<List<String>> leftKeys = DistributedPlanner.columnNames(join.leftKeys());
        Optional<List<String>> rightKeys = DistributedPlanner.columnNames(join.rightKeys());
        Optional<JoinKeys> keys = leftKeys.isPresent() && rightKeys.isPresent()
                ? Optional.of(JoinKeys.of(leftKeys.get(), rightKeys.get(), stages.placement(left), stages.placement(right)))
                : Optional.empty();
        boolean broadcastRight = switch (join.type()) {
            case INNER, LEFT, SEMI, ANTI, CROSS -> true;
            case RIGHT, FULL -> false;
        };
        Optional<JoinSwap> swap = JoinSwap.of(join);
        long rightBytes = sizes.bytes(join.right());
        if (leftKeys.isPresent() && reducible(join, left, right, rightBytes)) {
            right = right.with(reduced(join, left, right, leftKeys.get()));
            rightBytes = (long) Math.ceil(rightBytes * sizes.estimate(join.left()).fraction());
        }
        JoinDistribution distribution = JoinDistribution.choose(new JoinDistribution.Sides(
                sizes.bytes(join.left()), rightBytes, left.partitions(), right.partitions(),
                stages.partitions(), keys.isPresent() && stages.hashedOn(left, keys.get().left()),
                keys.isPresent() && stages.hashedOn(right, keys.get().right()), !inline(left), !inline(right),
                broadcastRight, swap.isPresent(),
                options.equiJoinBroadcastLimit()));
        return switch (distribution) {
            case BROADCAST_RIGHT -> broadcastRight(join, left, right);
            case BROADCAST_LEFT -> broadcastLeft(swap.orElseThrow(), left, right);
            case PARTITIONED -> keys.isPresent() ? partitioned(join, left, right, keys.get())
                    : gathered(join, left, right);
        };
    }

    /**
     * Whether the big right side of a left, semi or anti join should first drop the rows whose keys are not on
     * the left: the left side is a filtered source every task can read itself, so the right side's own stage
     * semi-joins it with the left keys and the join sees only matching rows (no unmatched right row can change
     * the result of these joins).
     */
    private boolean reducible(Join join, PlanPart left, PlanPart right, long rightBytes) {
        boolean keepsOnlyMatches = switch (join.type()) {
            case LEFT, SEMI, ANTI -> true;
            case INNER, RIGHT, FULL, CROSS -> false;
        };
        return keepsOnlyMatches && right.partitions() > 1 && rightBytes != SizeEstimator.UNKNOWN && inline(left)
                && sizes.estimate(join.left()).fraction() <= REDUCING_FRACTION;
    }

    /** The right side semi-joined with the left side's key columns, read whole by every task. */
    private LogicalPlan reduced(Join join, PlanPart left, PlanPart right, List<String> leftKeys) {
        List<NamedExpr> keyColumns = new ArrayList<>();
        for (String key : new java.util.LinkedHashSet<>(leftKeys)) {
            keyColumns.add(NamedExpr.column(key, left.plan().schema().field(key).type()));
        }
        LogicalPlan keys = FragmentBinder.wholeSources(new Project(left.plan(), keyColumns));
        return new Join(right.plan(), keys, JoinType.SEMI, join.rightKeys(), join.leftKeys(), join.suffix());
    }

    private PlanPart broadcastRight(Join join, PlanPart left, PlanPart right) {
        Broadcast side = broadcast(right);
        List<Integer> inputs = new ArrayList<>(left.inputs());
        inputs.addAll(side.inputs());
        return new PlanPart(join.withInputs(List.of(left.plan(), side.plan())), left.partitions(), inputs,
                left.splits(), left.partitioning().throughJoin(join, true));
    }

    /** An inner join whose left side is broadcast: swapped so the broadcast rows are the build side. */
    private PlanPart broadcastLeft(JoinSwap swap, PlanPart left, PlanPart right) {
        Broadcast side = broadcast(left);
        Join swapped = (Join) swap.swapped().withInputs(List.of(right.plan(), side.plan()));
        List<Integer> inputs = new ArrayList<>(right.inputs());
        inputs.addAll(side.inputs());
        Partitioning partitioning = right.partitioning().throughJoin(swapped, true).project(swap.restore(), false);
        return new PlanPart(new Project(swapped, swap.restore()), right.partitions(), inputs, right.splits(),
                partitioning);
    }

    /** A broadcast side: the placeholder of its broadcast stage, or its own plan when every task reads it. */
    private Broadcast broadcast(PlanPart side) {
        if (inline(side)) {
            return new Broadcast(FragmentBinder.wholeSources(side.plan()), List.of());
        }
        int id = stages.cut(side, new Exchange.Broadcast());
        return new Broadcast(ShuffleInputs.placeholder(id, side.plan().schema()), List.of(id));
    }

    /** Whether every task can read {@code side} itself: a single partition of a few rows of files. */
    private boolean inline(PlanPart side) {
        return side.inputs().isEmpty() && side.partitions() == 1 && inlineRows(side.plan()) <= INLINE_SOURCE_ROWS;
    }

    /** Rows the file scans of {@code plan} read (before filters), or {@code Long.MAX_VALUE} for other sources. */
    private long inlineRows(LogicalPlan plan) {
        if (plan instanceof Scan scan) {
            if (scan.source().format() != FileFormat.PARQUET || ShuffleInputs.stageOf(scan).isPresent()) {
                return Long.MAX_VALUE;
            }
            double rows = sizes.estimate(scan).baseRows();
            return rows < 0 ? Long.MAX_VALUE : (long) rows;
        }
        if (plan instanceof InMemory) {
            return Long.MAX_VALUE;
        }
        long total = 0;
        for (LogicalPlan input : plan.inputs()) {
            total = Math.min(Long.MAX_VALUE / 2, total + inlineRows(input));
        }
        return total;
    }

    /** Both sides hash-partitioned on the join keys, each shuffled only if not already placed that way. */
    private PlanPart partitioned(Join join, PlanPart left, PlanPart right, JoinKeys keys) {
        PlanPart leftSide = stages.hash(left, keys.left());
        PlanPart rightSide = stages.hash(right, keys.right());
        List<Integer> inputs = new ArrayList<>(leftSide.inputs());
        inputs.addAll(rightSide.inputs());
        List<PartitionSplit> splits = leftSide.splits().isEmpty() ? rightSide.splits() : leftSide.splits();
        Join placed = (Join) join.withInputs(List.of(leftSide.plan(), rightSide.plan()));
        Partitioning partitioning = switch (join.type()) {
            case INNER -> leftSide.partitioning().throughJoin(placed, true)
                    .and(rightSide.partitioning().throughJoin(placed, false));
            case LEFT, SEMI, ANTI -> leftSide.partitioning().throughJoin(placed, true);
            case RIGHT -> rightSide.partitioning().throughJoin(placed, false);
            case FULL, CROSS -> Partitioning.NONE;
        };
        return new PlanPart(placed, stages.partitions(), inputs, splits, partitioning);
    }

    private PlanPart gathered(Join join, PlanPart left, PlanPart right) {
        PlanPart leftSide = stages.exchange(left, new Exchange.Gather(), 1);
        PlanPart rightSide = stages.exchange(right, new Exchange.Gather(), 1);
        List<Integer> inputs = new ArrayList<>(leftSide.inputs());
        inputs.addAll(rightSide.inputs());
        return new PlanPart(join.withInputs(List.of(leftSide.plan(), rightSide.plan())), 1, inputs, List.of(),
                Partitioning.NONE);
    }

    /** The plan of a broadcast join side inside the probing stage, and the stages it reads. */
    private record Broadcast(LogicalPlan plan, List<Integer> inputs) {
    }
}
