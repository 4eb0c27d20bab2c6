package dev.floe.cluster.plan;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.io.RowGroupBounds;
import java.util.List;
import java.util.Optional;

/**
 * The range exchange that moves rows to a key-range split ({@link KeyRangeSplit}) with bounds known at plan time:
 * its bounds are the split's boundaries, so partition {@code i} of the exchange takes the keys in
 * {@code [b(i-1), b(i))}, exactly the keys the split puts in its partition {@code i} (the worker's range
 * partitioner sends a row to the number of bounds at or below its key). Null keys go to the last partition; they
 * match no key of the split (its key has no nulls), so every join type keeps its result.
 */
public final class RangeExchanges {
    private RangeExchanges() {
    }

    /**
     * The exchange of rows whose {@code column} of {@code type} is cut by {@code ranges}; empty when the type is
     * not one a split is made on, or a boundary does not fit it.
     */
    public static Optional<Exchange.Range> of(KeyRanges ranges, String column, DataType type) {
        if (!RowGroupBounds.supports(type)) {
            return Optional.empty();
        }
        List<Long> boundaries = ranges.boundaries();
        Vector bounds;
        if (LongVector.accepts(type)) {
            bounds = LongVector.of(type, boundaries.stream().mapToLong(Long::longValue).toArray());
        } else if (IntVector.accepts(type)) {
            int[] values = new int[boundaries.size()];
            for (int i = 0; i < values.length; i++) {
                long boundary = boundaries.get(i);
                if (boundary != (int) boundary) {
                    return Optional.empty();
                }
                values[i] = (int) boundary;
            }
            bounds = IntVector.of(type, values);
        } else {
            return Optional.empty();
        }
        Batch batch = new Batch(new Schema(List.of(Field.of(column, type))), List.of(bounds));
        return Optional.of(new Exchange.Range(List.of(new RangeKey(column, false, true)), ranges.partitions(),
                batch));
    }
}
