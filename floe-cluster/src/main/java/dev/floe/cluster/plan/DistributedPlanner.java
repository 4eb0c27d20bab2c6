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
import dev.floe.plan.logical.JoinType;
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
import java.util.List;
import java.util.Optional;

/**
 * Cuts an optimized logical plan into a {@link StageGraph}: it walks the plan bottom up keeping each subtree in
 * the current stage while its operators are partition-local (filter, project, broadcast join probe), and closes
 * a stage with an {@link Exchange} where rows must move: hash on keys before a final aggregation, a partitioned
 * join or a distinct; broadcast for a small join side; gather before a global slice or row index; round robin
 * for union inputs. A sort is gathered to one task, or with {@code sortPartitioned} sampled, range-partitioned
 * and sorted per partition; top-k runs per partition first, then once more on the gathered rows.
 */
public final class DistributedPlanner {
    private final DistributedOptions options;
    private final int partitions;
    private final ScanSplitter splitter;
    private final SizeEstimator sizes;

    public DistributedPlanner(DistributedOptions options, int workers, ScanSplitter splitter) {
        if (workers < 1) {
            throw FloeException.invalidArgument("a distributed plan needs at least one worker, got " + workers);
        }
        this.options = options;
        this.partitions = Math.multiplyExact(workers, options.partitionsPerWorker());
        this.splitter = splitter;
        this.sizes = new SizeEstimator(splitter);
    }

    /** The stage graph of {@code plan}; its root stage writes the result (or the plan's sink). */
    public StageGraph plan(LogicalPlan plan) {
        Builder builder = new Builder();
        Part root = builder.part(plan);
        builder.cut(root, new Exchange.Result());
        return new StageGraph(builder.stages);
    }

    /** A subtree being built inside the current stage: its plan, partition count, inputs and source splits. */
    private record Part(LogicalPlan plan, int partitions, List<Integer> inputs, List<PartitionSplit> splits) {
        Part {
            inputs = inputs.stream().distinct().toList();
        }

        Part with(LogicalPlan newPlan) {
            return new Part(newPlan, partitions, inputs, splits);
        }
    }

    private final class Builder {
        private final List<Stage> stages = new ArrayList<>();

        /**
         * Closes {@code part} as a stage, or returns the stage already cut with the same fragment, inputs, splits
         * and output: identical subplans (the optimizer's shared subplans, a table scanned the same way twice) are
         * computed once and their shuffle output is read by every consumer.
         */
        int cut(Part part, Exchange output) {
            if (!(output instanceof Exchange.Result)) {
                for (Stage existing : stages) {
                    if (existing.output().equals(output) && existing.partitions() == part.partitions()
                            && existing.inputStages().equals(part.inputs()) && existing.splits().equals(part.splits())
                            && existing.fragment().equals(part.plan())) {
                        return existing.id();
                    }
                }
            }
            int id = stages.size();
            stages.add(new Stage(id, part.plan(), part.partitions(), output, part.inputs(), part.splits()));
            return id;
        }

        /** Closes {@code part} as a stage with {@code output} and returns the reading side in a new stage. */
        Part exchange(Part part, Exchange output, int readerPartitions) {
            int id = cut(part, output);
            return new Part(ShuffleInputs.placeholder(id, part.plan().schema()), readerPartitions, List.of(id),
                    List.of());
        }

        Part single(Part part) {
            return part.partitions() == 1 ? part : exchange(part, new Exchange.Gather(), 1);
        }

        Part hash(Part part, List<String> keys) {
            return exchange(part, new Exchange.Hash(keys, partitions), partitions);
        }

        Part part(LogicalPlan plan) {
            return switch (plan) {
                case Scan scan -> scan(scan);
                case InMemory memory -> memory(memory);
                case Filter filter -> narrow(filter, part(filter.input()), List.of(filter.predicate()));
                case Project project -> narrow(project, part(project.input()), exprs(project.exprs()));
                case WithColumns with -> narrow(with, part(with.input()), exprs(with.exprs()));
                case Aggregate aggregate -> aggregate(aggregate, part(aggregate.input()));
                case Join join -> join(join);
                case Sort sort -> sort(sort, part(sort.input()));
                case Slice slice -> slice(slice, part(slice.input()));
                case Distinct distinct -> distinct(distinct, part(distinct.input()));
                case Union union -> union(union);
                case RowIndex rowIndex -> {
                    Part input = single(part(rowIndex.input()));
                    yield input.with(rowIndex.withInputs(List.of(input.plan())));
                }
                case Cache cache -> part(cache.input());
                case Sink sink -> {
                    Part input = single(part(sink.input()));
                    yield input.with(sink.withInputs(List.of(input.plan())));
                }
            };
        }

        /** Spreads a scan's tasks over partitions ({@link ScanPartitioner}); one partition needs no split. */
        private Part scan(Scan scan) {
            List<List<ScanTask>> groups = ScanPartitioner.partition(splitter.tasks(scan),
                    ScanTaskSelection.splitsFiles(scan.source().format()), partitions);
            List<PartitionSplit> splits = new ArrayList<>();
            groups.forEach(group -> splits.add(new PartitionSplit.ScanSplit(group)));
            return new Part(scan, splits.size(), List.of(), splits);
        }

        private Part memory(InMemory memory) {
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
            return new Part(memory, groups, List.of(), splits);
        }

        private Part narrow(LogicalPlan node, Part input, List<LogicalExpr> exprs) {
            Part placed = exprs.stream().anyMatch(DistributedPlanner::needsWholeInput) ? single(input) : input;
            return placed.with(node.withInputs(List.of(placed.plan())));
        }

        private Part aggregate(Aggregate aggregate, Part input) {
            if (input.partitions() == 1) {
                return input.with(aggregate.withInputs(List.of(input.plan())));
            }
            Optional<List<String>> keyNames = columnNames(aggregate.keys().stream().map(NamedExpr::expr).toList());
            Optional<AggregateSplit> split = options.preAggregation() && !aggregate.maintainOrder()
                    ? AggregateSplit.of(aggregate) : Optional.empty();
            if (split.isPresent()) {
                Part partial = input.with(split.get().partial(aggregate, input.plan()));
                List<String> outputKeys = aggregate.keys().stream().map(NamedExpr::name).toList();
                Part shuffled = outputKeys.isEmpty() ? single(partial) : hash(partial, outputKeys);
                return shuffled.with(split.get().finalStep(aggregate, shuffled.plan()));
            }
            boolean hashable = keyNames.isPresent() && !keyNames.get().isEmpty() && !aggregate.maintainOrder();
            Part shuffled = hashable ? hash(input, keyNames.get()) : single(input);
            return shuffled.with(aggregate.withInputs(List.of(shuffled.plan())));
        }

        private Part join(Join join) {
            Part left = part(join.left());
            Part right = part(join.right());
            boolean broadcastable = switch (join.type()) {
                case INNER, LEFT, SEMI, ANTI, CROSS -> true;
                case RIGHT, FULL -> false;
            };
            if (join.type() == JoinType.CROSS
                    || broadcastable && sizes.bytes(join.right()) <= options.equiJoinBroadcastLimit()) {
                if (left.partitions() == 1 && right.partitions() == 1 && right.inputs().isEmpty()
                        && left.splits().isEmpty()) {
                    return new Part(join.withInputs(List.of(left.plan(), right.plan())), 1, List.of(),
                            right.splits());
                }
                int id = cut(right, new Exchange.Broadcast());
                return combine(join, left, ShuffleInputs.placeholder(id, right.plan().schema()), id);
            }
            Optional<List<String>> leftKeys = columnNames(join.leftKeys());
            Optional<List<String>> rightKeys = columnNames(join.rightKeys());
            Part leftSide;
            Part rightSide;
            if (leftKeys.isPresent() && rightKeys.isPresent()) {
                leftSide = hash(left, leftKeys.get());
                rightSide = hash(right, rightKeys.get());
            } else {
                leftSide = exchange(left, new Exchange.Gather(), 1);
                rightSide = exchange(right, new Exchange.Gather(), 1);
            }
            List<Integer> inputs = new ArrayList<>(leftSide.inputs());
            inputs.addAll(rightSide.inputs());
            return new Part(join.withInputs(List.of(leftSide.plan(), rightSide.plan())), leftSide.partitions(),
                    inputs, List.of());
        }

        private Part combine(Join join, Part left, LogicalPlan broadcastRight, int broadcastStage) {
            List<Integer> inputs = new ArrayList<>(left.inputs());
            inputs.add(broadcastStage);
            return new Part(join.withInputs(List.of(left.plan(), broadcastRight)), left.partitions(), inputs,
                    left.splits());
        }

        private Part sort(Sort sort, Part input) {
            Optional<List<RangeKey>> rangeKeys = rangeKeys(sort);
            if (options.sortPartitioned() && input.partitions() > 1 && sort.limit() < 0 && rangeKeys.isPresent()) {
                return rangeSort(sort, input, rangeKeys.get());
            }
            if (input.partitions() > 1 && sort.limit() >= 0) {
                Part local = input.with(sort.withInputs(List.of(input.plan())));
                Part gathered = single(local);
                return gathered.with(sort.withInputs(List.of(gathered.plan())));
            }
            Part gathered = single(input);
            return gathered.with(sort.withInputs(List.of(gathered.plan())));
        }

        /**
         * A distributed sort: the input stage writes its rows forward and reports a key sample; a pass-through stage
         * range-partitions them by the bounds the coordinator computes from the samples; each range partition is
         * sorted on its own, and the partitions in order are the sorted whole.
         */
        private Part rangeSort(Sort sort, Part input, List<RangeKey> keys) {
            int sampled = cut(input, new Exchange.Forward(keys));
            Part forwarded = new Part(ShuffleInputs.placeholder(sampled, input.plan().schema()), input.partitions(),
                    List.of(sampled), List.of());
            Part ranged = exchange(forwarded, new Exchange.Range(keys, partitions, null), partitions);
            return ranged.with(sort.withInputs(List.of(ranged.plan())));
        }

        private Part slice(Slice slice, Part input) {
            if (input.partitions() > 1 && slice.offset() >= 0) {
                long keep = slice.offset() + slice.length() < 0 ? Long.MAX_VALUE : slice.offset() + slice.length();
                Part local = input.with(new Slice(input.plan(), 0, keep));
                Part gathered = single(local);
                return gathered.with(slice.withInputs(List.of(gathered.plan())));
            }
            Part gathered = single(input);
            return gathered.with(slice.withInputs(List.of(gathered.plan())));
        }

        private Part distinct(Distinct distinct, Part input) {
            boolean hashable = input.partitions() > 1 && !distinct.maintainOrder()
                    && (distinct.keep() == UniqueKeep.ANY || distinct.keep() == UniqueKeep.NONE);
            Part placed = hashable ? hash(input, distinct.subset() == null ? distinct.schema().names()
                    : distinct.subset()) : single(input);
            return placed.with(distinct.withInputs(List.of(placed.plan())));
        }

        private Part union(Union union) {
            List<LogicalPlan> readers = new ArrayList<>();
            List<Integer> inputs = new ArrayList<>();
            for (LogicalPlan input : union.inputs()) {
                Part reader = exchange(part(input), new Exchange.RoundRobin(partitions), partitions);
                readers.add(reader.plan());
                inputs.addAll(reader.inputs());
            }
            return new Part(union.withInputs(readers), partitions, inputs, List.of());
        }
    }

    private static List<LogicalExpr> exprs(List<NamedExpr> named) {
        return named.stream().map(NamedExpr::expr).toList();
    }

    /** Windows and aggregates outside an Aggregate node see the whole input, so they cannot run per partition. */
    private static boolean needsWholeInput(LogicalExpr expr) {
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

    private static Optional<List<String>> columnNames(List<LogicalExpr> keys) {
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
