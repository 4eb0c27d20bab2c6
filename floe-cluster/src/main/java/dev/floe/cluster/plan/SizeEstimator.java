package dev.floe.cluster.plan;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.ScanTask;
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
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.WithColumns;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rough estimate of the rows and bytes a subplan produces, to choose how joins are distributed: scans by the
 * rows their tasks record, filters by {@link Selectivity} guesses (a scan's ranges measured on its columns'
 * statistics), and an inner join of a table with a filtered
 * smaller one (a fact table with a dimension) keeps the bigger side's rows times the fraction the smaller side
 * kept. Bytes are rows times a fixed width per column type. A source of unknown size makes the estimate unknown,
 * so that unknown sides are never broadcast.
 */
final class SizeEstimator {
    static final long UNKNOWN = Long.MAX_VALUE;
    /**
     * The share of its input rows a grouped aggregation is guessed to keep: all of them, since nothing tells few
     * groups (flags, nations) from many (order keys), and broadcasting many rows costs more than shuffling few.
     */
    static final double GROUPS = 1;

    /** Estimated rows and the fraction of its sources' rows they are (1 for an unfiltered scan). */
    record Estimate(double rows, double fraction) {
        static final Estimate UNKNOWN_ROWS = new Estimate(-1, 1);

        boolean known() {
            return rows >= 0;
        }

        /** The rows of the sources before any filter, the size of the table this side comes from. */
        double baseRows() {
            return fraction <= 0 ? rows : rows / fraction;
        }

        Estimate scaled(double factor) {
            return known() ? new Estimate(rows * factor, fraction * factor) : this;
        }
    }

    private final ScanSplitter splitter;
    private final Map<LogicalPlan, Estimate> memo = new IdentityHashMap<>();

    SizeEstimator(ScanSplitter splitter) {
        this.splitter = splitter;
    }

    /** Estimated output bytes of {@code plan}, or {@link #UNKNOWN}. */
    long bytes(LogicalPlan plan) {
        Estimate estimate = estimate(plan);
        if (!estimate.known()) {
            return UNKNOWN;
        }
        double bytes = estimate.rows() * rowWidth(plan.schema());
        return bytes >= UNKNOWN ? UNKNOWN : (long) Math.ceil(bytes);
    }

    /** Estimated rows of {@code plan}, or a negative number when unknown. */
    double rows(LogicalPlan plan) {
        return estimate(plan).rows();
    }

    Estimate estimate(LogicalPlan plan) {
        Estimate known = memo.get(plan);
        if (known == null) {
            known = compute(plan);
            memo.put(plan, known);
        }
        return known;
    }

    private Estimate compute(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> scan(scan);
            case InMemory memory -> new Estimate(memory.rowCount(), 1);
            case Filter filter -> estimate(filter.input()).scaled(Selectivity.of(filter.predicate()));
            case Project project -> estimate(project.input());
            case WithColumns with -> estimate(with.input());
            case Aggregate aggregate -> aggregate.keys().isEmpty() ? new Estimate(1, 1)
                    : estimate(aggregate.input()).scaled(GROUPS);
            case Join join -> join(join);
            case Sort sort -> limited(estimate(sort.input()), sort.limit());
            case Slice slice -> limited(estimate(slice.input()), slice.length());
            case Distinct distinct -> estimate(distinct.input()).scaled(0.5);
            case Union union -> {
                double total = 0;
                for (LogicalPlan input : union.inputs()) {
                    Estimate part = estimate(input);
                    if (!part.known()) {
                        yield Estimate.UNKNOWN_ROWS;
                    }
                    total += part.rows();
                }
                yield new Estimate(total, 1);
            }
            case RowIndex rowIndex -> estimate(rowIndex.input());
            case Cache cache -> estimate(cache.input());
            case Sink sink -> estimate(sink.input());
        };
    }

    private Estimate scan(Scan scan) {
        double total = 0;
        for (ScanTask task : splitter.tasks(scan)) {
            if (task.estimatedRows() < 0) {
                return Estimate.UNKNOWN_ROWS;
            }
            total += task.estimatedRows();
        }
        Estimate all = limited(new Estimate(total, 1), scan.limit());
        return all.scaled(Selectivity.of(scan.predicate(), column -> splitter.bounds(scan, column)));
    }

    private Estimate join(Join join) {
        Estimate left = estimate(join.left());
        Estimate right = estimate(join.right());
        if (!left.known() || !right.known()) {
            return Estimate.UNKNOWN_ROWS;
        }
        return switch (join.type()) {
            case INNER -> {
                Estimate bigger = left.baseRows() >= right.baseRows() ? left : right;
                Estimate smaller = bigger == left ? right : left;
                yield bigger.scaled(Math.min(1, smaller.fraction()));
            }
            case LEFT -> left;
            case RIGHT -> right;
            case FULL -> new Estimate(left.rows() + right.rows(), 1);
            case SEMI -> left.scaled(Math.min(1, right.fraction()));
            case ANTI -> left.scaled(0.5);
            case CROSS -> new Estimate(left.rows() * right.rows(), 1);
        };
    }

    private static Estimate limited(Estimate estimate, long limit) {
        if (!estimate.known() || limit < 0 || estimate.rows() <= limit) {
            return estimate;
        }
        return new Estimate(limit, estimate.fraction() * limit / Math.max(1, estimate.rows()));
    }

    static long rowWidth(Schema schema) {
        long width = 1;
        for (Field field : schema.fields()) {
            width += typeWidth(field.type());
        }
        return width;
    }

    private static long typeWidth(DataType type) {
        return switch (type) {
            case DataType.BooleanType t -> 1;
            case DataType.Int8Type t -> 1;
            case DataType.UInt8Type t -> 1;
            case DataType.Int16Type t -> 2;
            case DataType.UInt16Type t -> 2;
            case DataType.Int32Type t -> 4;
            case DataType.UInt32Type t -> 4;
            case DataType.Float32Type t -> 4;
            case DataType.DateType t -> 4;
            case DataType.StringType t -> 24;
            case DataType.BinaryType t -> 24;
            case DataType.ListType t -> 8 * typeWidth(t.inner());
            case DataType.StructType t -> t.fields().stream().mapToLong(f -> typeWidth(f.type())).sum();
            case DataType.DecimalType t -> t.precision() > DataType.DecimalType.MAX_LONG_PRECISION ? 16 : 8;
            case DataType.NullType t -> 0;
            case DataType.Int64Type t -> 8;
            case DataType.UInt64Type t -> 8;
            case DataType.Float64Type t -> 8;
            case DataType.TimeType t -> 8;
            case DataType.DatetimeType t -> 8;
            case DataType.DurationType t -> 8;
        };
    }
}
