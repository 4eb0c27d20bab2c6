package dev.floe.cluster.worker;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.plan.RangeBounds;
import dev.floe.core.FloeException;
import dev.floe.core.types.Field;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
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
        int count = parts.size();
        int[] target = new int[rows];
        if (!integerTargets(range, bounds, batch, target)) {
            comparedTargets(range, bounds, batch, target);
        }
        int[] sizes = new int[count];
        for (int r = 0; r < rows; r++) {
            sizes[target[r]]++;
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

    /** Each row's partition by comparing its key columns with the bounds in sort order (any keys). */
    private static void comparedTargets(Exchange.Range range, Batch bounds, Batch batch, int[] target) {
        int boundCount = bounds.rowCount();
        Batch keys = RangeBounds.project(batch, bounds.schema());
        List<Vector> combined = new ArrayList<>();
        for (int k = 0; k < bounds.columnCount(); k++) {
            Field field = bounds.schema().field(k);
            combined.add(Vectors.concat(field.type(), List.of(bounds.column(k), keys.column(k))));
        }
        RowComparator comparator = RangeBounds.comparator(combined, range.keys());
        for (int r = 0; r < target.length; r++) {
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
        }
    }

    /**
     * Each row's partition for one ascending integer key with bounds of its own type and no null bound (a key-range
     * split's boundaries): a binary search over primitive values, nulls first or last as the key says. False, with
     * nothing filled, for any other exchange.
     */
    private static boolean integerTargets(Exchange.Range range, Batch bounds, Batch batch, int[] target) {
        if (range.keys().size() != 1 || range.keys().getFirst().descending() || bounds.columnCount() != 1
                || bounds.column(0).nullCount() != 0) {
            return false;
        }
        Vector column = batch.column(range.keys().getFirst().column());
        if (!column.type().equals(bounds.column(0).type())) {
            return false;
        }
        int nullTarget = range.keys().getFirst().nullsLast() ? bounds.rowCount() : 0;
        if (column instanceof LongVector longs && bounds.column(0) instanceof LongVector cuts) {
            long[] values = longs.values();
            long[] validity = longs.validity();
            long[] at = java.util.Arrays.copyOf(cuts.values(), cuts.length());
            for (int r = 0; r < target.length; r++) {
                target[r] = validity != null && !Bitmap.get(validity, r) ? nullTarget : above(at, values[r]);
            }
            return true;
        }
        if (column instanceof IntVector ints && bounds.column(0) instanceof IntVector cuts) {
            int[] values = ints.values();
            long[] validity = ints.validity();
            long[] at = new long[cuts.length()];
            for (int i = 0; i < at.length; i++) {
                at[i] = cuts.values()[i];
            }
            for (int r = 0; r < target.length; r++) {
                target[r] = validity != null && !Bitmap.get(validity, r) ? nullTarget : above(at, values[r]);
            }
            return true;
        }
        return false;
    }

    /** The number of {@code cuts} (increasing) at or below {@code key}. */
    private static int above(long[] cuts, long key) {
        int low = 0;
        int high = cuts.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cuts[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
