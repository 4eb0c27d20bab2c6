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
import java.util.List;

/**
 * A pessimistic estimate of the bytes a subplan produces, to decide whether a join side is small enough to
 * broadcast: sources by their recorded sizes, row-reducing operators by their input (never smaller), and
 * {@link Long#MAX_VALUE} when a source's size is unknown so that unknown sides are never broadcast.
 */
final class SizeEstimator {
    static final long UNKNOWN = Long.MAX_VALUE;

    private final ScanSplitter splitter;

    SizeEstimator(ScanSplitter splitter) {
        this.splitter = splitter;
    }

    long bytes(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> scanBytes(scan);
            case InMemory memory -> memory.rowCount() * rowWidth(memory.schema());
            case Filter filter -> bytes(filter.input());
            case Project project -> scaled(bytes(project.input()), project.input().schema(), project.schema());
            case WithColumns with -> scaled(bytes(with.input()), with.input().schema(), with.schema());
            case Aggregate aggregate -> bytes(aggregate.input());
            case Join join -> add(bytes(join.left()), bytes(join.right()));
            case Sort sort -> bytes(sort.input());
            case Slice slice -> Math.min(bytes(slice.input()), saturatedMultiply(slice.length(),
                    rowWidth(slice.schema())));
            case Distinct distinct -> bytes(distinct.input());
            case Union union -> union.inputs().stream().mapToLong(this::bytes).reduce(0, SizeEstimator::add);
            case RowIndex rowIndex -> bytes(rowIndex.input());
            case Cache cache -> bytes(cache.input());
            case Sink sink -> bytes(sink.input());
        };
    }

    private long scanBytes(Scan scan) {
        List<ScanTask> tasks = splitter.tasks(scan);
        long total = 0;
        for (ScanTask task : tasks) {
            if (task.estimatedBytes() < 0) {
                return UNKNOWN;
            }
            total = add(total, task.estimatedBytes());
        }
        return total;
    }

    private static long scaled(long inputBytes, Schema input, Schema output) {
        if (inputBytes == UNKNOWN) {
            return UNKNOWN;
        }
        long inputWidth = rowWidth(input);
        long outputWidth = rowWidth(output);
        return outputWidth <= inputWidth ? inputBytes : saturatedMultiply(inputBytes / inputWidth + 1, outputWidth);
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

    private static long add(long left, long right) {
        long sum = left + right;
        return sum < 0 || left == UNKNOWN || right == UNKNOWN ? UNKNOWN : sum;
    }

    private static long saturatedMultiply(long left, long right) {
        long high = Math.multiplyHigh(left, right);
        long product = left * right;
        return high != 0 || product < 0 ? UNKNOWN : product;
    }
}
