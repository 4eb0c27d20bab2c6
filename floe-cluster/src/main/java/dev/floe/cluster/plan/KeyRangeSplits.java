package dev.floe.cluster.plan;

import dev.floe.io.ScanSource;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.JoinColumns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-splits a part that is still a plain scan chain of one source (a scan under filters, projections, caches and
 * joins probing rows every task reads whole, read in splits, no exchange yet) by key ranges of one of its columns, traced through renames to a column of the
 * scan, instead of hash-exchanging it. The split of each (source, column) is computed once ({@link KeyRangeSplit}) from
 * the whole source, so every scan of that source split on that column gets the same boundaries and row groups.
 */
final class KeyRangeSplits {
    /** Splits nothing: every part falls back to exchanges. */
    static final KeyRangeSplits NONE = new KeyRangeSplits(scan -> List.of(), 1);

    private final ScanSplitter splitter;
    private final int partitions;
    private final Map<SourceColumn, Optional<KeyRangeSplit>> computed = new HashMap<>();

    KeyRangeSplits(ScanSplitter splitter, int partitions) {
        this.splitter = splitter;
        this.partitions = partitions;
    }

    private record SourceColumn(ScanSource source, String column) {
    }

    /** {@code part} split by ranges of its column {@code key}, when it is a plain scan chain and the split exists. */
    Optional<PlanPart> split(PlanPart part, String key) {
        if (partitions < 2 || !part.partitioning().keySets().isEmpty()
                || part.splits().isEmpty()
                || !part.splits().stream().allMatch(split -> split instanceof PartitionSplit.ScanSplit)) {
            return Optional.empty();
        }
        Optional<KeyRangeSplit> split = scanColumn(part.plan(), key)
                .flatMap(found -> of(found.scan(), found.column()));
        return split.map(ranges -> new PlanPart(part.plan(), ranges.partitions(), part.inputs(), ranges.splits(),
                Partitioning.ranged(List.of(key), ranges.ranges())));
    }

    /** The split of {@code scan}'s whole source by {@code column}, computed once per source and column. */
    Optional<KeyRangeSplit> of(Scan scan, String column) {
        return computed.computeIfAbsent(new SourceColumn(scan.source(), column), key -> {
            Scan whole = Scan.of(scan.source(), scan.tableSchema());
            return splitter.rowGroupBounds(whole, column).flatMap(groups ->
                    KeyRangeSplit.of(scan.source(), column, groups, splitter.tasks(whole), partitions));
        });
    }

    /** The scan at the bottom of a chain and the column of it that {@code key} names at the top. */
    private record ScanColumn(Scan scan, String column) {
    }

    private static Optional<ScanColumn> scanColumn(LogicalPlan plan, String key) {
        if (plan instanceof Scan scan) {
            return FragmentBinder.isSplitLeaf(scan) && scan.limit() < 0 && scan.schema().names().contains(key)
                    ? Optional.of(new ScanColumn(scan, key)) : Optional.empty();
        }
        if (plan instanceof Cache cache) {
            return scanColumn(cache.input(), key);
        }
        if (plan instanceof Filter filter) {
            return DistributedPlanner.needsWholeInput(filter.predicate()) ? Optional.empty()
                    : scanColumn(filter.input(), key);
        }
        if (plan instanceof Project project) {
            return renamed(project.exprs(), key, false).flatMap(column -> scanColumn(project.input(), column));
        }
        if (plan instanceof WithColumns with) {
            return renamed(with.exprs(), key, true).flatMap(column -> scanColumn(with.input(), column));
        }
        if (plan instanceof Join join && probesWhole(join)) {
            JoinColumns.Origin origin = JoinColumns.of(join).origin(key);
            return origin != null && origin.fromLeft() ? scanColumn(join.left(), origin.inputName())
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Whether each output row of {@code join} comes from one row of its left input with the right input read
     * whole by every task (broadcast or read in full): then the output is placed wherever its left row is.
     */
    private static boolean probesWhole(Join join) {
        boolean keepsLeftRows = switch (join.type()) {
            case INNER, LEFT, SEMI, ANTI -> true;
            case RIGHT, FULL, CROSS -> false;
        };
        return keepsLeftRows && whole(join.right());
    }

    /** Whether every task reads all of {@code plan}: no split source, no in-memory rows, only broadcast inputs. */
    private static boolean whole(LogicalPlan plan) {
        if (plan instanceof Scan scan) {
            return ShuffleInputs.stageOf(scan).isPresent() ? ShuffleInputs.isBroadcast(scan)
                    : !FragmentBinder.isSplitLeaf(scan);
        }
        if (plan instanceof InMemory) {
            return false;
        }
        return plan.inputs().stream().allMatch(KeyRangeSplits::whole);
    }

    /** The input column {@code key} is computed from, when it passes unchanged or renamed; none if computed. */
    private static Optional<String> renamed(List<NamedExpr> exprs, String key, boolean keepsInputColumns) {
        if (exprs.stream().anyMatch(named -> DistributedPlanner.needsWholeInput(named.expr()))) {
            return Optional.empty();
        }
        for (NamedExpr named : exprs) {
            if (named.name().equals(key)) {
                return named.expr() instanceof LogicalExpr.Column column ? Optional.of(column.name())
                        : Optional.empty();
            }
        }
        return keepsInputColumns ? Optional.of(key) : Optional.empty();
    }
}
