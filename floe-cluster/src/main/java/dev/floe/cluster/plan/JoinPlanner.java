package dev.floe.cluster.plan;

import dev.floe.cluster.DistributedOptions;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.optimizer.JoinSwap;
import dev.floe.plan.logical.Scan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Places a join in the stage graph: both sides in one task when both are single partitions; otherwise the
 * {@link JoinDistribution} with the least estimated work: the right side broadcast to the left's partitions, the
 * left side broadcast to the right's (an inner join, swapped to build on the broadcast rows), or both sides
 * hash-partitioned on the keys, where a side already hashed on them stays in place. A broadcast side that is a
 * single partition of a few rows of Parquet files ({@link #INLINE_SOURCE_ROWS}) is no stage at all: every task
 * of the probing stage reads it itself. The right side of a left, semi or anti join may first drop the rows
 * without a left key ({@link KeyReduction}). When one side is split by key ranges of a join key, the other may
 * move to it by a range exchange on the split's boundaries instead ({@link RangeExchanges}), so the split side
 * stays in place.
 */
final class JoinPlanner {
    /** A broadcast side that scans at most this many rows of files is read by every task instead of shuffled. */
    static final long INLINE_SOURCE_ROWS = 200_000;

    private final StageBuilder stages;
    private final SizeEstimator sizes;
    private final DistributedOptions options;
    private final Function<LogicalPlan, PlanPart> parts;
    private final SharedBroadcasts broadcasts;
    private final List<AdaptiveJoins.Pending> adaptive = new ArrayList<>();
    private final Predicate<Join> refused;
    /** One exchange per (ranges, column, type): equal exchanges let identical moved sides share one stage. */
    private final Map<List<Object>, Optional<Exchange.Range>> rangeExchanges = new HashMap<>();

    JoinPlanner(StageBuilder stages, SizeEstimator sizes, DistributedOptions options,
            Function<LogicalPlan, PlanPart> parts) {
        this(stages, sizes, options, parts, join -> false);
    }

    /** A planner that plans the joins {@code refused} accepts partitioned, never adaptive. */
    JoinPlanner(StageBuilder stages, SizeEstimator sizes, DistributedOptions options,
            Function<LogicalPlan, PlanPart> parts, Predicate<Join> refused) {
        this.refused = refused;
        this.stages = stages;
        this.sizes = sizes;
        this.options = options;
        this.parts = parts;
        this.broadcasts = new SharedBroadcasts(stages, sizes, options.equiJoinBroadcastLimit());
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
            return broadcastRight(join, left, right, join.right());
        }
        Optional<List<String>> leftKeys = DistributedPlanner.columnNames(join.leftKeys());
        Optional<List<String>> rightKeys = DistributedPlanner.columnNames(join.rightKeys());
        Optional<PlanPart> coLocated = leftKeys.isPresent() && rightKeys.isPresent()
                ? coLocated(join, left, right, leftKeys.get(), rightKeys.get()) : Optional.empty();
        if (coLocated.isPresent()) {
            return coLocated.get();
        }
        Optional<JoinKeys> keys = leftKeys.isPresent() && rightKeys.isPresent()
                ? Optional.of(JoinKeys.of(leftKeys.get(), rightKeys.get(), stages.placement(left), stages.placement(right)))
                : Optional.empty();
        boolean broadcastRight = switch (join.type()) {
            case INNER, LEFT, SEMI, ANTI, CROSS -> true;
            case RIGHT, FULL -> false;
        };
        Optional<JoinSwap> swap = JoinSwap.of(join);
        long rightBytes = sizes.bytes(join.right());
        KeyReduction reduction = leftKeys.isPresent() ? reduction(join, left, right, leftKeys.get(), rightBytes,
                keys.isPresent() && stages.hashedOn(right, keys.get().right())) : KeyReduction.NONE;
        if (reduction != KeyReduction.NONE) {
            right = reduced(join, left, right, leftKeys.get(), reduction);
            rightBytes = (long) Math.ceil(rightBytes * sizes.estimate(join.left()).fraction());
        }
        Optional<RangeMove> rightMoves = Optional.empty();
        Optional<RangeMove> leftMoves = Optional.empty();
        if (leftKeys.isPresent() && rightKeys.isPresent()) {
            rightMoves = rangeMove(left, leftKeys.get(), right, rightKeys.get());
            leftMoves = rangeMove(right, rightKeys.get(), left, leftKeys.get());
            if (rightMoves.isPresent() && stages.alignedTo(right, rightMoves.get().movingKey(),
                    rightMoves.get().ranges())) {
                return rangePlaced(join, rightMoves.get(), right, true);
            }
            if (leftMoves.isPresent() && stages.alignedTo(left, leftMoves.get().movingKey(),
                    leftMoves.get().ranges())) {
                return rangePlaced(join, leftMoves.get(), left, false);
            }
        }
        JoinDistribution distribution = JoinDistribution.choose(new JoinDistribution.Sides(
                sizes.bytes(join.left()), rightBytes, left.partitions(), right.partitions(),
                stages.partitions(), keys.isPresent() && stages.hashedOn(left, keys.get().left()),
                keys.isPresent() && stages.hashedOn(right, keys.get().right()), needsStage(left, right), needsStage(right, left),
                broadcastRight, swap.isPresent(), options.equiJoinBroadcastLimit(),
                broadcasts.recomputeBytes(left, join.left()), broadcasts.recomputeBytes(right, join.right()),
                rightMoves.map(move -> move.staying().partitions()).orElse(0),
                leftMoves.map(move -> move.staying().partitions()).orElse(0)));
        return switch (distribution) {
            case BROADCAST_RIGHT -> broadcastRight(join, left, right, join.right());
            case BROADCAST_LEFT -> broadcastLeft(swap.orElseThrow(), left, right, join.left());
            case RANGE_MOVES_RIGHT -> rangePlaced(join, rightMoves.orElseThrow(), right, true);
            case RANGE_MOVES_LEFT -> rangePlaced(join, leftMoves.orElseThrow(), left, false);
            case PARTITIONED -> keys.isEmpty() ? gathered(join, left, right)
                    : partitionedOrAdaptive(join, left, right, keys.get(),
                            broadcastRight && reduction == KeyReduction.NONE);
        };
    }

    private PlanPart partitionedOrAdaptive(Join join, PlanPart left, PlanPart right, JoinKeys keys,
            boolean mayBroadcastRight) {
        Optional<PlanPart> adaptive = mayBroadcastRight ? adaptive(join, left, right, keys) : Optional.empty();
        return adaptive.orElseGet(() -> partitioned(join, left, right, keys));
    }

    /** The partitioned joins whose broadcast variant the coordinator may choose at run time, as planned so far. */
    List<AdaptiveJoins.Pending> adaptive() {
        return List.copyOf(adaptive);
    }

    /**
     * A partitioned join that may run broadcast ({@link AdaptiveJoins}): when the left side is a source read in
     * splits that must be shuffled and the right side's size is a guess, the right side is cut as a stage of its
     * own hashed on the keys (so the coordinator counts its rows before the left side's shuffle runs), and the
     * join's rows are placed on no keys, since the broadcast variant keeps the left side's source partitions.
     */
    private Optional<PlanPart> adaptive(Join join, PlanPart left, PlanPart right, JoinKeys keys) {
        Exchange.Hash leftExchange = new Exchange.Hash(keys.left(), stages.partitions());
        if (refused.test(join) || !left.inputs().isEmpty() || left.splits().isEmpty()
                || stages.hashedOn(left, keys.left())
                || stages.existing(left, leftExchange).isPresent() || !AdaptiveJoins.uncertain(join.right())) {
            return Optional.empty();
        }
        long leftBytes = sizes.bytes(join.left());
        if (leftBytes == SizeEstimator.UNKNOWN) {
            return Optional.empty();
        }
        long limit = options.equiJoinBroadcastLimit();
        long leftAgain = broadcasts.recomputeBytes(left, join.left());
        long maxBytes = AdaptiveJoins.maxBroadcastBytes(rightBytes -> new JoinDistribution.Sides(leftBytes,
                rightBytes, left.partitions(), stages.partitions(), stages.partitions(), false, true, false, false,
                true, false, limit, leftAgain, 0), limit);
        long maxRows = maxBytes / SizeEstimator.rowWidth(right.plan().schema());
        if (maxRows < 1) {
            return Optional.empty();
        }
        PlanPart small = stages.exchange(right, new Exchange.Hash(keys.right(), stages.partitions()),
                stages.partitions());
        PlanPart held = stages.exchange(left, leftExchange, stages.partitions());
        adaptive.add(new AdaptiveJoins.Pending(join, held.inputs().getFirst(), small.inputs().getFirst(), maxRows,
                left));
        List<Integer> inputs = new ArrayList<>(held.inputs());
        inputs.addAll(small.inputs());
        Join placed = (Join) join.withInputs(List.of(held.plan(), small.plan()));
        return Optional.of(new PlanPart(placed, stages.partitions(), inputs, List.of(), Partitioning.NONE));
    }

    /** Whether and how the right side of a left, semi or anti join first drops the rows without a left key. */
    private KeyReduction reduction(Join join, PlanPart left, PlanPart right, List<String> leftKeys, long rightBytes,
            boolean rightPlaced) {
        SizeEstimator.Estimate leftEstimate = sizes.estimate(join.left());
        long keyBytes = leftEstimate.known()
                ? (long) Math.ceil(leftEstimate.rows() * SizeEstimator.rowWidth(keyColumns(left, leftKeys)))
                : SizeEstimator.UNKNOWN;
        return KeyReduction.choose(new KeyReduction.Sides(join.type(), leftEstimate.fraction(), keyBytes,
                rightBytes, right.partitions(), rightPlaced, inline(left, right),
                options.equiJoinBroadcastLimit()));
    }

    /**
     * The right side semi-joined with the left side's key columns: read whole by every task ({@code INLINE}), or
     * computed by a stage of their own and broadcast to the right side's stage ({@code BROADCAST}).
     */
    private PlanPart reduced(Join join, PlanPart left, PlanPart right, List<String> leftKeys, KeyReduction how) {
        Schema keySchema = keyColumns(left, leftKeys);
        LogicalPlan keys = keySchema.equals(left.plan().schema()) ? left.plan() : new Project(left.plan(),
                keySchema.fields().stream().map(key -> NamedExpr.column(key.name(), key.type())).toList());
        List<Integer> inputs = new ArrayList<>(right.inputs());
        LogicalPlan keyRows = switch (how) {
            case INLINE -> FragmentBinder.wholeSources(keys);
            case BROADCAST -> {
                int id = stages.cut(left.with(keys, Partitioning.NONE), new Exchange.Broadcast());
                inputs.add(id);
                yield ShuffleInputs.broadcastPlaceholder(id, keys.schema());
            }
            case NONE -> throw FloeException.internal("a join side reduced without a reduction");
        };
        Join semi = new Join(right.plan(), keyRows, JoinType.SEMI, join.rightKeys(), join.leftKeys(), join.suffix());
        return new PlanPart(semi, right.partitions(), inputs, right.splits(), right.partitioning());
    }

    /** The distinct left key columns, as a schema. */
    private static Schema keyColumns(PlanPart left, List<String> leftKeys) {
        List<Field> fields = new ArrayList<>();
        for (String key : new LinkedHashSet<>(leftKeys)) {
            fields.add(left.plan().schema().field(key));
        }
        return new Schema(fields);
    }

    private PlanPart broadcastRight(Join join, PlanPart left, PlanPart right, LogicalPlan logicalRight) {
        Broadcast side = broadcast(right, logicalRight, left);
        List<Integer> inputs = new ArrayList<>(left.inputs());
        inputs.addAll(side.inputs());
        return new PlanPart(join.withInputs(List.of(left.plan(), side.plan())), left.partitions(), inputs,
                left.splits(), left.partitioning().throughJoin(join, true));
    }

    /** An inner join whose left side is broadcast: swapped so the broadcast rows are the build side. */
    private PlanPart broadcastLeft(JoinSwap swap, PlanPart left, PlanPart right, LogicalPlan logicalLeft) {
        Broadcast side = broadcast(left, logicalLeft, right);
        Join swapped = (Join) swap.swapped().withInputs(List.of(right.plan(), side.plan()));
        List<Integer> inputs = new ArrayList<>(right.inputs());
        inputs.addAll(side.inputs());
        Partitioning partitioning = right.partitioning().throughJoin(swapped, true).project(swap.restore(), false);
        return new PlanPart(new Project(swapped, swap.restore()), right.partitions(), inputs, right.splits(),
                partitioning);
    }

    /**
     * A broadcast side: the placeholder of its broadcast stage (shared with other sides, {@link SharedBroadcasts}),
     * or its own plan when every task reads it.
     */
    private Broadcast broadcast(PlanPart side, LogicalPlan logical, PlanPart reader) {
        if (inline(side, reader)) {
            return new Broadcast(FragmentBinder.wholeSources(side.plan()), List.of());
        }
        SharedBroadcasts.Read read = broadcasts.broadcast(side, logical);
        return new Broadcast(read.plan(), read.inputs());
    }

    /** Whether broadcasting {@code side} needs a stage: not when every task reads it or its broadcast exists. */
    private boolean needsStage(PlanPart side, PlanPart reader) {
        return !inline(side, reader) && !broadcasts.exists(side);
    }

    /**
     * Whether each task of {@code reader} can compute {@code side} itself: a single partition of a few rows of
     * files. Not a side that aggregates when the reader has several tasks and waits for other stages anyway: the
     * aggregation (PDS-H q22's mean balance) then runs once in a broadcast stage of its own, beside those stages,
     * instead of once per reading task; a reader that waits for nothing would wait for it.
     */
    private boolean inline(PlanPart side, PlanPart reader) {
        return side.inputs().isEmpty() && side.partitions() == 1 && inlineRows(side.plan()) <= INLINE_SOURCE_ROWS
                && (reader.partitions() <= 1 || reader.inputs().isEmpty() || !aggregates(side.plan()));
    }

    private static boolean aggregates(LogicalPlan plan) {
        if (plan instanceof Aggregate || plan instanceof Distinct) {
            return true;
        }
        return plan.inputs().stream().anyMatch(JoinPlanner::aggregates);
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

    /**
     * The join in one stage when both sides are (or can be) split by the same key ranges of one pair of its keys
     * ({@link StageBuilder#coLocated}): rows equal on all the keys are equal on that pair, so they meet.
     */
    private Optional<PlanPart> coLocated(Join join, PlanPart left, PlanPart right, List<String> leftKeys,
            List<String> rightKeys) {
        for (int i = 0; i < leftKeys.size(); i++) {
            Optional<List<PlanPart>> sides = stages.coLocated(left, leftKeys.get(i), right, rightKeys.get(i));
            if (sides.isPresent()) {
                return Optional.of(placed(join, sides.get().getFirst(), sides.get().getLast(),
                        sides.get().getFirst().partitions()));
            }
        }
        return Optional.empty();
    }

    /**
     * A side that can stay split by key ranges of one of its join keys ({@link StageBuilder#rangeSplitCandidate}),
     * and the range exchange that would move the other side to it: on the matching key, of the same type, with
     * the split's boundaries as bounds.
     */
    private record RangeMove(PlanPart staying, String stayingKey, String movingKey, KeyRanges ranges,
            Exchange.Range exchange) {
    }

    /** How {@code moving} could join {@code staying} split by key ranges of one pair of keys, if any. */
    private Optional<RangeMove> rangeMove(PlanPart staying, List<String> stayingKeys, PlanPart moving,
            List<String> movingKeys) {
        for (int i = 0; i < stayingKeys.size(); i++) {
            String stayingKey = stayingKeys.get(i);
            String movingKey = movingKeys.get(i);
            Optional<PlanPart> split = stages.rangeSplitCandidate(staying, stayingKey);
            if (split.isEmpty()) {
                continue;
            }
            KeyRanges ranges = split.get().partitioning().rangedOn(List.of(stayingKey)).orElseThrow();
            DataType type = split.get().plan().schema().field(stayingKey).type();
            if (!type.equals(moving.plan().schema().field(movingKey).type())) {
                continue;
            }
            Optional<Exchange.Range> exchange = rangeExchanges.computeIfAbsent(List.of(ranges, movingKey, type),
                    key -> RangeExchanges.of(ranges, movingKey, type));
            if (exchange.isPresent()) {
                return Optional.of(new RangeMove(split.get(), stayingKey, movingKey, ranges, exchange.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The join in the stage of the side that stays split by key ranges, the other side ({@code moving}) moved to
     * it by a range exchange on the same boundaries (not at all when already placed so): partition {@code i} of
     * both holds the keys in the same range. Correct for every join type with keys: rows of a key meet in one
     * partition, and a null key (placed last) matches nothing.
     */
    private PlanPart rangePlaced(Join join, RangeMove move, PlanPart moving, boolean leftStays) {
        PlanPart moved = stages.rangeMoved(moving, move.movingKey(), move.ranges(), move.exchange());
        if (!move.staying().splits().isEmpty()) {
            stages.used(move.staying(), move.stayingKey());
        }
        return leftStays ? placed(join, move.staying(), moved, move.ranges().partitions())
                : placed(join, moved, move.staying(), move.ranges().partitions());
    }

    /** Both sides hash-partitioned on the join keys, each shuffled only if not already placed that way. */
    private PlanPart partitioned(Join join, PlanPart left, PlanPart right, JoinKeys keys) {
        return placed(join, stages.hash(left, keys.left()), stages.hash(right, keys.right()), stages.partitions());
    }

    /** The join of two sides whose rows of equal keys share a partition, in one stage of {@code partitions}. */
    private PlanPart placed(Join join, PlanPart leftSide, PlanPart rightSide, int partitions) {
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
        return new PlanPart(placed, partitions, inputs, splits, partitioning);
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
