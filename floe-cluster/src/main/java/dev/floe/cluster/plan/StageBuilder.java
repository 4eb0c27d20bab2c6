package dev.floe.cluster.plan;

import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stages of a graph being cut by the {@link DistributedPlanner}: closes subtrees as stages (sharing identical
 * ones) and returns the reading side of each exchange, knowing how the rows of a hash exchange are placed so that
 * a subtree already hashed on some keys is not shuffled again.
 */
final class StageBuilder {
    private final List<Stage> stages = new ArrayList<>();
    private final int partitions;
    private final KeyRangeSplits ranges;
    /** The splits made by key ranges, so the stages reading them say so. */
    private final Map<List<PartitionSplit>, KeyRanges> rangeSplits = new HashMap<>();

    StageBuilder(int partitions) {
        this(partitions, KeyRangeSplits.NONE);
    }

    StageBuilder(int partitions, KeyRangeSplits ranges) {
        this.partitions = partitions;
        this.ranges = ranges;
    }

    /** The partition count of every hash exchange. */
    int partitions() {
        return partitions;
    }

    /** The stages cut so far, in order. */
    List<Stage> cutSoFar() {
        return List.copyOf(stages);
    }

    StageGraph graph() {
        return new StageGraph(stages);
    }

    /** How the stage {@code id} already cut writes its output. */
    Exchange output(int id) {
        return stages.get(id).output();
    }

    /**
     * Closes {@code part} as a stage, or returns the stage already cut with the same fragment, inputs, splits
     * and output: identical subplans (the optimizer's shared subplans, a table scanned the same way twice) are
     * computed once and their shuffle output is read by every consumer. The fragment keeps only the caches that
     * more than one of its consumers reads ({@link SharedCaches}).
     */
    int cut(PlanPart part, Exchange output) {
        OptionalInt existing = existing(part, output);
        if (existing.isPresent()) {
            return existing.getAsInt();
        }
        int id = stages.size();
        stages.add(new Stage(id, SharedCaches.keepShared(part.plan()), part.partitions(), output, part.inputs(),
                part.splits(), Optional.ofNullable(rangeSplits.get(part.splits()))));
        return id;
    }

    /** The stage already cut that {@link #cut} would return for {@code part} and {@code output}, if any. */
    OptionalInt existing(PlanPart part, Exchange output) {
        if (output instanceof Exchange.Result) {
            return OptionalInt.empty();
        }
        LogicalPlan fragment = SharedCaches.keepShared(part.plan());
        for (Stage existing : stages) {
            if (existing.output().equals(output) && existing.partitions() == part.partitions()
                    && existing.inputStages().equals(part.inputs()) && existing.splits().equals(part.splits())
                    && existing.fragment().equals(fragment)) {
                return OptionalInt.of(existing.id());
            }
        }
        return OptionalInt.empty();
    }

    /** Closes {@code part} as a stage with {@code output} and returns the reading side in a new stage. */
    PlanPart exchange(PlanPart part, Exchange output, int readerPartitions) {
        int id = cut(part, output);
        Partitioning placed = output instanceof Exchange.Hash hash ? Partitioning.hashed(hash.keys())
                : Partitioning.NONE;
        return new PlanPart(ShuffleInputs.placeholder(id, part.plan().schema()), readerPartitions, List.of(id),
                List.of(), placed);
    }

    PlanPart single(PlanPart part) {
        return part.partitions() == 1 ? part : exchange(part, new Exchange.Gather(), 1);
    }

    /** {@code part} hash-partitioned on {@code keys}: as it is when its rows are already placed that way. */
    PlanPart hash(PlanPart part, List<String> keys) {
        if (hashedOn(part, keys)) {
            return part;
        }
        return exchange(part, new Exchange.Hash(keys, partitions), partitions);
    }

    /** Whether {@code part}'s rows are placed by a hash exchange of this plan on exactly {@code keys}. */
    boolean hashedOn(PlanPart part, List<String> keys) {
        return part.partitions() == partitions && part.partitioning().hashedOn(keys);
    }

    /** How {@code part}'s rows are placed, as far as a hash exchange of this plan would place them. */
    Partitioning placement(PlanPart part) {
        return switch (part.partitioning().placement()) {
            case Partitioning.Placement.Hashed hashed -> part.partitions() == partitions ? part.partitioning()
                    : Partitioning.NONE;
            case Partitioning.Placement.Ranged ranged -> Partitioning.NONE;
        };
    }

    /**
     * The key list {@code part}'s rows are grouped on (all rows of a key value in one partition, by a hash exchange
     * or a key-range split), when all its columns are among {@code columns}.
     */
    Optional<List<String>> groupedWithin(PlanPart part, List<String> columns) {
        boolean placed = switch (part.partitioning().placement()) {
            case Partitioning.Placement.Hashed hashed -> part.partitions() == partitions;
            case Partitioning.Placement.Ranged ranged -> part.partitions() == ranged.ranges().partitions();
        };
        return placed ? part.partitioning().within(columns) : Optional.empty();
    }

    /**
     * {@code part} split by key ranges of its column {@code key}: as it is when already split so, re-split when it is
     * a plain scan chain whose source's statistics prove a split ({@link KeyRangeSplits}); empty otherwise.
     */
    Optional<PlanPart> rangeSplit(PlanPart part, String key) {
        Optional<PlanPart> split = splitOn(part, key);
        split.ifPresent(used -> used(used, key));
        return split;
    }

    /**
     * {@code part} split by key ranges of its column {@code key} (as it is, or re-split), without recording the
     * split as used: a candidate the join planner costs before choosing it ({@link #rangeSplit} records it).
     */
    Optional<PlanPart> rangeSplitCandidate(PlanPart part, String key) {
        return splitOn(part, key).filter(split -> split.partitions()
                == split.partitioning().rangedOn(List.of(key)).orElseThrow().partitions());
    }

    /**
     * {@code part} moved by {@code exchange}, a range exchange on {@code key} whose bounds are the boundaries of
     * {@code ranges} ({@link RangeExchanges}): the reading side is placed by those ranges, so it meets a part split
     * by them in one stage. As it is when its rows already are placed that way and read in no splits of its own;
     * from a stage already cut that moves the same rows with more columns when there is one ({@link
     * CoveringBroadcasts}, PDS-H q17's lineitem rows of the selected parts, with and without the price).
     */
    PlanPart rangeMoved(PlanPart part, String key, KeyRanges ranges, Exchange.Range exchange) {
        if (alignedTo(part, key, ranges)) {
            return part;
        }
        Optional<Stage> covering = existing(part, exchange).isPresent() ? Optional.empty()
                : CoveringBroadcasts.covering(stages, part, exchange);
        int id = covering.map(Stage::id).orElseGet(() -> cut(part, exchange));
        LogicalPlan read = covering.map(stage -> CoveringBroadcasts.narrowed(
                ShuffleInputs.placeholder(stage.id(), stage.fragment().schema()), part))
                .orElseGet(() -> ShuffleInputs.placeholder(id, part.plan().schema()));
        return new PlanPart(read, ranges.partitions(), List.of(id), List.of(), Partitioning.ranged(List.of(key),
                ranges));
    }

    /** Whether {@code part}'s rows are placed by {@code ranges} of {@code key}, with no source splits to bind. */
    boolean alignedTo(PlanPart part, String key, KeyRanges ranges) {
        return part.splits().isEmpty() && part.partitions() == ranges.partitions()
                && part.partitioning().rangedOn(List.of(key)).filter(ranges::equals).isPresent();
    }

    private Optional<PlanPart> splitOn(PlanPart part, String key) {
        if (part.partitioning().rangedOn(List.of(key)).isPresent()) {
            return Optional.of(part);
        }
        return ranges.split(part, key);
    }

    /** Remembers that {@code part}'s splits are key ranges, so the stage reading them says so. */
    void used(PlanPart part, String key) {
        rangeSplits.put(part.splits(), part.partitioning().rangedOn(List.of(key)).orElseThrow());
    }

    /**
     * {@code left} and {@code right} placed in one stage by the same key ranges of {@code leftKey} and
     * {@code rightKey}: both split (or re-split) by equal ranges of one source with equal splits, reading other
     * stages only whole (broadcast), so partition {@code i} of both sides holds the same key values. Never a
     * hash-placed side: its partitions follow hash values, not ranges.
     */
    Optional<List<PlanPart>> coLocated(PlanPart left, String leftKey, PlanPart right, String rightKey) {
        Optional<PlanPart> leftSplit = splitOn(left, leftKey);
        Optional<PlanPart> rightSplit = leftSplit.isEmpty() ? Optional.empty() : splitOn(right, rightKey);
        if (rightSplit.isEmpty()) {
            return Optional.empty();
        }
        PlanPart l = leftSplit.get();
        PlanPart r = rightSplit.get();
        Optional<KeyRanges> leftRanges = l.partitioning().rangedOn(List.of(leftKey));
        Optional<KeyRanges> rightRanges = r.partitioning().rangedOn(List.of(rightKey));
        Optional<?> source = CoPartitionedUnion.splitSource(l.plan());
        boolean same = leftRanges.equals(rightRanges) && l.partitions() == r.partitions()
                && l.splits().equals(r.splits()) && source.isPresent()
                && source.equals(CoPartitionedUnion.splitSource(r.plan()))
                && readsWholeOrRanged(l) && readsWholeOrRanged(r);
        if (!same) {
            return Optional.empty();
        }
        used(l, leftKey);
        return Optional.of(List.of(l, r));
    }

    /**
     * Whether {@code part} reads other stages only whole (broadcast) or by a range exchange with plan-time bounds
     * into its own partitions ({@link #rangeMoved}), so its partition {@code i} holds only range {@code i}.
     */
    boolean readsWholeOrRanged(PlanPart part) {
        return part.inputs().stream().allMatch(stage -> switch (output(stage)) {
            case Exchange.Broadcast broadcast -> true;
            case Exchange.Range range -> range.bounds() != null && range.partitions() == part.partitions();
            case Exchange.Hash hash -> false;
            case Exchange.RoundRobin roundRobin -> false;
            case Exchange.Gather gather -> false;
            case Exchange.Forward forward -> false;
            case Exchange.Result result -> false;
        });
    }
}
