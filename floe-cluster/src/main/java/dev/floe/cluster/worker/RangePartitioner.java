package dev.floe.cluster.worker;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.plan.RangeBounds;
import dev.floe.core.FloeException;
import dev.floe.core.types.Field;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.sort.RowComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts rows by key range for a distributed sort: a row goes to the number of bounds that are at or before it in
 * sort order (a binary search over the bounds), so partition {@code i} holds {@code bounds[i-1] <= key <
 * bounds[i]} and the partitions, each sorted, are the sorted whole in partition order.
 */
final class RangePartitioner {
    private RangePartitioner() {
    }

    /** Adds the rows of {@code batch} to the batches of their partitions. */
    static void partition(Exchange.Range range, Batch batch, List<List<Batch>> parts) {
        Batch bounds = range.bounds();
        if (bounds == null) {
            throw FloeException.internal("range exchange without bounds: the coordinator computes them first");
        }
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        int boundCount = bounds.rowCount();
        if (boundCount == 0) {
            parts.getFirst().add(batch);
            return;
        }
        Batch keys = RangeBounds.project(batch, bounds.schema());
        List<Vector> combined = new ArrayList<>();
        for (int k = 0; k < bounds.columnCount(); k++) {
            Field field = bounds.schema().field(k);
            combined.add(Vectors.concat(field.type(), List.of(bounds.column(k), keys.column(k))));
        }
        RowComparator comparator = RangeBounds.comparator(combined, range.keys());
        int count = parts.size();
        int[] target = new int[rows];
        int[] sizes = new int[count];
        for (int r = 0; r < rows; r++) {
            int low = 0;
            int high = boundCount;
            int row = boundCount + r;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (comparator.compare(middle, row) <= 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            target[r] = low;
            sizes[low]++;
        }
        int[][] selections = new int[count][];
        for (int p = 0; p < count; p++) {
            selections[p] = new int[sizes[p]];
        }
        int[] fill = new int[count];
        for (int r = 0; r < rows; r++) {
            int p = target[r];
            selections[p][fill[p]++] = r;
        }
        for (int p = 0; p < count; p++) {
            if (sizes[p] > 0) {
                parts.get(p).add(sizes[p] == rows ? batch : batch.take(selections[p], sizes[p]));
            }
        }
    }
}
