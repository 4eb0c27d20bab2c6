package dev.floe.cluster.plan;

import dev.floe.cluster.DistributedOptions;
import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import dev.floe.io.ScanTask;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cuts an optimized logical plan into a {@link StageGraph}: it walks the plan bottom up keeping each subtree in
 * the current stage while its operators are partition-local (filter, project, broadcast join probe, a join or
 * aggregation over rows already hashed on its keys), and closes a stage with an {@link Exchange} where rows must
 * move: hash on keys before a final aggregation, a partitioned join or a distinct; broadcast for a join side
 * ({@link JoinDistribution} compares the estimated work of broadcasting either side and of partitioning both);
 * gather before a global slice or row index; round robin for union inputs, unless the branches read the same
 * split of one source and stay in one stage ({@link CoPartitionedUnion}). A small side that reads only a few
 * rows of files is not a stage at all: every task reads it itself. A sort is gathered to one task (with the
 * final step of an aggregation below it when its groups are few), or with {@code sortPartitioned} sampled,
 * range-partitioned and sorted per partition; top-k runs per partition first, then once more on the gathered rows.
 * A scan chain whose file statistics prove it clustered by an aggregation's or join's key is split by key ranges
 * instead of shuffled ({@link KeyRangeSplit}): the aggregation runs whole, a self-join on the key stays in the stage.
 */
public final class DistributedPlanner {
    /** An aggregation below a top-k whose groups are estimated at most this many runs its final step gathered. */
    static final double GATHERED_GROUPS = 100_000;
    /** The share of its input rows an aggregation below a top-k is guessed to keep (a top-k ranks groups). */
    static final double GROUPS_BELOW_TOP_K = 0.25;

    /** After this many cuts with adaptive joins that did not fit, the plan is cut with none. */
    private static final int MAX_ADAPTIVE_ATTEMPTS = 4;

    private final DistributedOptions options;
    private final int partitions;
    private final ScanSplitter splitter;
    private final SizeEstimator sizes;
    private final KeyRangeSplits ranges;

    public DistributedPlanner(DistributedOptions options, int workers, ScanSplitter splitter) {
        if (workers < 1) {
            throw FloeException.invalidArgument("a distributed plan needs at least one worker, got " + workers);
        }
        if (options.partitionsPerWorker() == DistributedOptions.ONE_PER_TASK_SLOT) {
            throw FloeException.internal("the planner needs a partition count per worker: resolve the options with "
                    + "forSlotsPerWorker for the cluster's task slots first");
        }
        this.options = options;
        this.partitions = Math.multiplyExact(workers, options.partitionsPerWorker());
        this.splitter = splitter;
        this.sizes = new SizeEstimator(splitter);
        this.ranges = new KeyRangeSplits(splitter, partitions);
    }

    /** The stage graph of {@code plan}; its root stage writes the result (or the plan's sink). */
    public StageGraph plan(LogicalPlan plan) {
        Set<Join> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int attempt = 0; ; attempt++) {
            Builder builder = new Builder(attempt < MAX_ADAPTIVE_ATTEMPTS ? refused::contains : join -> true);
            PlanPart root = builder.part(plan);
            builder.stages.cut(root, new Exchange.Result());
            StageGraph cut = builder.stages.graph();
            List<AdaptiveJoins.Pending> pending = builder.joins.adaptive();
            List<AdaptiveJoin> adaptive = AdaptiveJoins.resolve(cut, pending);
            if (adaptive.size() == pending.size()) {
                return new StageGraph(cut.stages(), adaptive);
            }
            pending.stream().filter(join -> adaptive.stream().noneMatch(a -> a.heldStage() == join.heldStage()))
                    .forEach(join -> refused.add(join.join()));
        }
    }

    /**
     * Cuts one plan into stages; the joins in {@code refused} are planned partitioned as they are, since their
     * broadcast variant did not fit the stages cut around them ({@link AdaptiveJoins#resolve}).
     */
    private final class Builder {
        private final StageBuilder stages = new StageBuilder(partitions, ranges);
        private final JoinPlanner joins;

        Builder(Predicate<Join> refused) {
            this.joins = new JoinPlanner(stages, sizes, options, this::part, refused);
        }

        PlanPart part(LogicalPlan plan) {
            return switch (plan) {
                case Scan scan -> scan(scan);
                case InMemory memory -> memory(memory);
                case Filter filter -> narrow(filter, part(filter.input()), List.of(filter.predicate()));
                case Project project -> narrow(project, part(project.input()), exprs(project.exprs()));
                case WithColumns with -> narrow(with, part(with.input()), exprs(with.exprs()));
                case Aggregate aggregate -> aggregate(aggregate, false);
                case Join join -> joins.join(join);
                case Sort sort -> sort(sort);
                case Slice slice -> slice(slice, part(slice.input()));
                case Distinct distinct -> distinct(distinct, part(distinct.input()));
                case Union union -> union(union);
                case RowIndex rowIndex -> {
                    PlanPart input = stages.single(part(rowIndex.input()));
                    yield input.with(rowIndex.withInputs(List.of(input.plan())), Partitioning.NONE);
                }
                case Cache cache -> {
                    PlanPart input = part(cache.input());
                    yield input.with(cache.withInputs(List.of(input.plan())));
                }
                case Sink sink -> {
                    PlanPart input = stages.single(part(sink.input()));
                    yield input.with(sink.withInputs(List.of(input.plan())));
                }
            };
        }

        /** Spreads a scan's tasks over partitions ({@link ScanPartitioner}); one partition needs no split. */
        private PlanPart scan(Scan scan) {
            List<List<ScanTask>> groups = ScanPartitioner.partition(splitter.tasks(scan),
                    ScanTaskSelection.splitsFiles(scan.source().format()), partitions);
            List<PartitionSplit> splits = new ArrayList<>();
            groups.forEach(group -> splits.add(new PartitionSplit.ScanSplit(group)));
            return new PlanPart(scan, splits.size(), List.of(), splits, Partitioning.NONE);
        }

        private PlanPart memory(InMemory memory) {
            int groups = Math.max(1, Math.min(partitions, memory.batches().size()));
            List<List<Batch>> assigned = new ArrayList<>();
            for (int i = 0; i < groups; i++) {
                assigned.add(new ArrayList<>());
            }
            for (int i = 0; i < memory.batches().size(); i++) {
                assigned.get(i % groups).add(memory.batches().get(i));
            }
            List<PartitionSplit> splits = new ArrayList<>();
            assigned.forEach(group -> splits.add(new PartitionSplit.MemorySplit(group)));
            return new PlanPart(memory, groups, List.of(), splits, Partitioning.NONE);
        }

        private PlanPart narrow(LogicalPlan node, PlanPart input, List<LogicalExpr> exprs) {
            PlanPart placed = exprs.stream().anyMatch(DistributedPlanner::needsWholeInput) ? stages.single(input) : input;
            Partitioning partitioning = placed.partitioning();
            if (node instanceof Project project) {
                partitioning = partitioning.project(project.exprs(), false);
            } else if (node instanceof WithColumns with) {
                partitioning = partitioning.project(with.exprs(), true);
            }
            return placed.with(node.withInputs(List.of(placed.plan())), partitioning);
        }

        /**
         * An aggregation over a union (under projections and filters) runs its partial step in each input's stage
         * (one stage for co-partitioned branches, {@link CoPartitionedUnion}), whose partial rows go straight to the
         * final step; any other aggregation plans its input first.
         */
        private PlanPart aggregate(Aggregate aggregate, boolean gathered) {
            Optional<AggregateSplit> split = options.preAggregation() && !aggregate.maintainOrder()
                    ? AggregateSplit.of(aggregate) : Optional.empty();
            Optional<Union> union = unionBelow(aggregate.input());
            if (split.isEmpty() || union.isEmpty()) {
                return aggregate(aggregate, part(aggregate.input()), gathered);
            }
            List<String> outputKeys = aggregate.keys().stream().map(NamedExpr::name).toList();
            boolean single = outputKeys.isEmpty() || gathered;
            Exchange exchange = single ? new Exchange.Gather() : new Exchange.Hash(outputKeys, partitions);
            int readerPartitions = single ? 1 : partitions;
            List<PlanPart> branches = new ArrayList<>();
            for (LogicalPlan branch : union.get().inputs()) {
                branches.add(part(replaceUnion(aggregate.input(), branch)));
            }
            List<LogicalPlan> readers = new ArrayList<>();
            List<Integer> inputs = new ArrayList<>();
            if (CoPartitionedUnion.applies(branches, stages)) {
                List<LogicalPlan> partials = new ArrayList<>();
                branches.forEach(branch -> partials.add(split.get().partial(aggregate, branch.plan())));
                PlanPart reader = stages.exchange(CoPartitionedUnion.of(branches, new Union(partials)), exchange,
                        readerPartitions);
                readers.add(reader.plan());
                inputs.addAll(reader.inputs());
            } else {
                for (PlanPart input : branches) {
                    PlanPart partial = input.with(split.get().partial(aggregate, input.plan()));
                    PlanPart reader = stages.exchange(partial, exchange, readerPartitions);
                    readers.add(reader.plan());
                    inputs.addAll(reader.inputs());
                }
            }
            LogicalPlan partials = readers.size() == 1 ? readers.getFirst() : new Union(readers);
            return new PlanPart(split.get().finalStep(aggregate, partials), readerPartitions, inputs,
                    List.of(), single ? Partitioning.NONE : Partitioning.hashed(outputKeys));
        }

        /** The union below projections and filters that need no whole input, if {@code plan} ends in one. */
        private static Optional<Union> unionBelow(LogicalPlan plan) {
            LogicalPlan below = plan;
            while (below instanceof Project || below instanceof Filter || below instanceof WithColumns) {
                if (narrowExprs(below).stream().anyMatch(DistributedPlanner::needsWholeInput)) {
                    return Optional.empty();
                }
                below = below.inputs().getFirst();
            }
            return below instanceof Union union ? Optional.of(union) : Optional.empty();
        }

        /** {@code plan} with the union at the bottom of its projections and filters replaced by {@code branch}. */
        private static LogicalPlan replaceUnion(LogicalPlan plan, LogicalPlan branch) {
            if (plan instanceof Union) {
                return branch;
            }
            return plan.withInputs(List.of(replaceUnion(plan.inputs().getFirst(), branch)));
        }

        /**
         * An aggregation: in place when its input is one partition or already grouped on some of its keys, or when
         * its input is a scan chain that can be split by key ranges of one of its keys ({@link KeyRangeSplits});
         * otherwise a partial step, a hash exchange on the keys (or a gather, when {@code gathered}: a sort reads
         * the result on one task anyway) and the final step.
         */
        private PlanPart aggregate(Aggregate aggregate, PlanPart input, boolean gathered) {
            Optional<List<String>> keyNames = columnNames(aggregate.keys().stream().map(NamedExpr::expr).toList());
            boolean inPlace = input.partitions() == 1
                    || keyNames.isPresent() && !aggregate.maintainOrder() && !keyNames.get().isEmpty()
                    && stages.groupedWithin(input, keyNames.get()).isPresent();
            if (inPlace) {
                return input.with(aggregate.withInputs(List.of(input.plan())),
                        input.partitioning().project(aggregate.keys(), false));
            }
            Optional<PlanPart> ranged = keyNames.isPresent() && !aggregate.maintainOrder()
                    ? keyNames.get().stream().flatMap(key -> stages.rangeSplit(input, key).stream()).findFirst()
                    : Optional.empty();
            if (ranged.isPresent()) {
                return ranged.get().with(aggregate.withInputs(List.of(ranged.get().plan())),
                        ranged.get().partitioning().project(aggregate.keys(), false));
            }
            List<String> outputKeys = aggregate.keys().stream().map(NamedExpr::name).toList();
            Optional<AggregateSplit> split = options.preAggregation() && !aggregate.maintainOrder()
                    ? AggregateSplit.of(aggregate) : Optional.empty();
            if (split.isPresent()) {
                PlanPart partial = input.with(split.get().partial(aggregate, input.plan()));
                PlanPart shuffled = outputKeys.isEmpty() || gathered ? stages.single(partial) : stages.hash(partial, outputKeys);
                return shuffled.with(split.get().finalStep(aggregate, shuffled.plan()),
                        shuffled.partitions() == 1 ? Partitioning.NONE : Partitioning.hashed(outputKeys));
            }
            boolean hashable = keyNames.isPresent() && !keyNames.get().isEmpty() && !aggregate.maintainOrder()
                    && !gathered;
            PlanPart shuffled = hashable ? stages.hash(input, keyNames.get()) : stages.single(input);
            return shuffled.with(aggregate.withInputs(List.of(shuffled.plan())),
                    shuffled.partitioning().project(aggregate.keys(), false));
        }

        private PlanPart sort(Sort sort) {
            PlanPart input = sortInput(sort);
            Optional<List<RangeKey>> rangeKeys = rangeKeys(sort);
            if (options.sortPartitioned() && input.partitions() > 1 && sort.limit() < 0 && rangeKeys.isPresent()) {
                return rangeSort(sort, input, rangeKeys.get());
            }
            if (input.partitions() > 1 && sort.limit() >= 0) {
                PlanPart local = input.with(sort.withInputs(List.of(input.plan())));
                PlanPart gathered = stages.single(local);
                return gathered.with(sort.withInputs(List.of(gathered.plan())));
            }
            PlanPart gathered = stages.single(input);
            return gathered.with(sort.withInputs(List.of(gathered.plan())), Partitioning.NONE);
        }

        /**
         * The input of a gathered sort: an aggregation below it (under projections and filters) runs its final step
         * on the gathering task when the sort reads all its rows anyway (no limit), or its groups are few.
         */
        private PlanPart sortInput(Sort sort) {
            if (options.sortPartitioned() && sort.limit() < 0) {
                return part(sort.input());
            }
            LogicalPlan below = sort.input();
            while (below instanceof Project || below instanceof Filter || below instanceof WithColumns) {
                below = below.inputs().getFirst();
            }
            if (!(below instanceof Aggregate aggregate)) {
                return part(sort.input());
            }
            double groups = sizes.rows(aggregate.input()) * GROUPS_BELOW_TOP_K;
            boolean gathered = sort.limit() < 0 || groups >= 0 && groups <= GATHERED_GROUPS;
            return gathered ? gatheredAggregate(sort.input()) : part(sort.input());
        }

        private PlanPart gatheredAggregate(LogicalPlan plan) {
            if (plan instanceof Aggregate aggregate) {
                return aggregate(aggregate, true);
            }
            if (plan instanceof Filter filter) {
                return narrow(filter, gatheredAggregate(filter.input()), List.of(filter.predicate()));
            }
            if (plan instanceof Project project) {
                return narrow(project, gatheredAggregate(project.input()), exprs(project.exprs()));
            }
            if (plan instanceof WithColumns with) {
                return narrow(with, gatheredAggregate(with.input()), exprs(with.exprs()));
            }
            return part(plan);
        }

        /**
         * A distributed sort: the input stage writes its rows forward and reports a key sample; a pass-through stage
         * range-partitions them by the bounds the coordinator computes from the samples; each range partition is
         * sorted on its own, and the partitions in order are the sorted whole.
         */
        private PlanPart rangeSort(Sort sort, PlanPart input, List<RangeKey> keys) {
            int sampled = stages.cut(input, new Exchange.Forward(keys));
            PlanPart forwarded = new PlanPart(ShuffleInputs.placeholder(sampled, input.plan().schema()),
                    input.partitions(), List.of(sampled), List.of(), Partitioning.NONE);
            PlanPart ranged = stages.exchange(forwarded, new Exchange.Range(keys, partitions, null), partitions);
            return ranged.with(sort.withInputs(List.of(ranged.plan())));
        }

        private PlanPart slice(Slice slice, PlanPart input) {
            if (input.partitions() > 1 && slice.offset() >= 0) {
                long keep = slice.offset() + slice.length() < 0 ? Long.MAX_VALUE : slice.offset() + slice.length();
                PlanPart local = input.with(new Slice(input.plan(), 0, keep));
                PlanPart gathered = stages.single(local);
                return gathered.with(slice.withInputs(List.of(gathered.plan())), Partitioning.NONE);
            }
            PlanPart gathered = stages.single(input);
            return gathered.with(slice.withInputs(List.of(gathered.plan())), Partitioning.NONE);
        }

        private PlanPart distinct(Distinct distinct, PlanPart input) {
            boolean hashable = input.partitions() > 1 && !distinct.maintainOrder()
                    && (distinct.keep() == UniqueKeep.ANY || distinct.keep() == UniqueKeep.NONE);
            List<String> keys = distinct.subset() == null ? distinct.schema().names() : distinct.subset();
            boolean inPlace = hashable && stages.groupedWithin(input, keys).isPresent();
            PlanPart placed = inPlace ? input : hashable ? stages.hash(input, keys) : stages.single(input);
            return placed.with(distinct.withInputs(List.of(placed.plan())));
        }

        /**
         * A union: co-partitioned branches ({@link CoPartitionedUnion}) stay in one stage; otherwise each branch is
         * spread round robin over the partitions of the reading stage.
         */
        private PlanPart union(Union union) {
            List<PlanPart> branches = new ArrayList<>();
            for (LogicalPlan input : union.inputs()) {
                branches.add(part(input));
            }
            if (CoPartitionedUnion.applies(branches, stages)) {
                return CoPartitionedUnion.of(branches,
                        union.withInputs(branches.stream().map(PlanPart::plan).toList()));
            }
            List<LogicalPlan> readers = new ArrayList<>();
            List<Integer> inputs = new ArrayList<>();
            for (PlanPart branch : branches) {
                PlanPart reader = stages.exchange(branch, new Exchange.RoundRobin(partitions), partitions);
                readers.add(reader.plan());
                inputs.addAll(reader.inputs());
            }
            return new PlanPart(union.withInputs(readers), partitions, inputs, List.of(), Partitioning.NONE);
        }
    }

    private static List<LogicalExpr> narrowExprs(LogicalPlan plan) {
        if (plan instanceof Project project) {
            return exprs(project.exprs());
        }
        if (plan instanceof WithColumns with) {
            return exprs(with.exprs());
        }
        return plan instanceof Filter filter ? List.of(filter.predicate()) : List.of();
    }

    private static List<LogicalExpr> exprs(List<NamedExpr> named) {
        return named.stream().map(NamedExpr::expr).toList();
    }

    /** Windows and aggregates outside an Aggregate node see the whole input, so they cannot run per partition. */
    static boolean needsWholeInput(LogicalExpr expr) {
        if (expr instanceof LogicalExpr.Window || expr instanceof LogicalExpr.Aggregate) {
            return true;
        }
        return expr.children().stream().anyMatch(DistributedPlanner::needsWholeInput);
    }

    /** The sort's keys as range keys, when every key is a column (computed keys are sorted on one task). */
    private static Optional<List<RangeKey>> rangeKeys(Sort sort) {
        List<RangeKey> keys = new ArrayList<>();
        for (dev.floe.plan.logical.SortKey key : sort.keys()) {
            if (!(key.expr() instanceof LogicalExpr.Column column)) {
                return Optional.empty();
            }
            keys.add(new RangeKey(column.name(), key.descending(), key.nullsLast()));
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
    }

    /** The names of {@code keys} when every key is a plain column. */
    static Optional<List<String>> columnNames(List<LogicalExpr> keys) {
        List<String> names = new ArrayList<>();
        for (LogicalExpr key : keys) {
            if (!(key instanceof LogicalExpr.Column column)) {
                return Optional.empty();
            }
            names.add(column.name());
        }
        return Optional.of(names);
    }
}
