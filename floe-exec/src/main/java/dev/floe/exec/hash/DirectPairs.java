package dev.floe.exec.hash;

import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import java.util.Arrays;
import java.util.List;

/**
 * A grid indexed by (left id, right id) holding the group of each known pair, -1 where unknown: the cache in
 * front of a {@link LongPairGroupTable} whose keys are two small dense id ranges (q1's return flag x line
 * status), so that a known pair costs one array read instead of a hash probe. The table stays the truth; the
 * grid only caches it and is rebuilt from it when an id range outgrows the grid.
 */
final class DirectPairs {
    /** Grids above this many cells are not worth their memory; the fold then probes the table. */
    static final int MAX_CELLS = 1 << 16;

    private int[] cells = new int[0];
    private int leftCapacity;
    private int rightCapacity;

    /**
     * Whether the grid covers left ids below {@code leftCount} and right ids below {@code rightCount}, growing
     * it (refilled from {@code table}) when it can within {@link #MAX_CELLS}.
     */
    boolean covers(int leftCount, int rightCount, LongPairGroupTable table) {
        if (leftCount <= leftCapacity && rightCount <= rightCapacity) {
            return true;
        }
        int newLeft = Math.max(leftCapacity, Integer.highestOneBit(Math.max(1, leftCount - 1)) << 1);
        int newRight = Math.max(rightCapacity, Integer.highestOneBit(Math.max(1, rightCount - 1)) << 1);
        if ((long) newLeft * newRight > MAX_CELLS) {
            return false;
        }
        leftCapacity = newLeft;
        rightCapacity = newRight;
        cells = new int[newLeft * newRight];
        Arrays.fill(cells, -1);
        List<Vector> keys = table.keyColumns();
        long[] lefts = ((LongVector) keys.get(0)).values();
        long[] rights = ((LongVector) keys.get(1)).values();
        for (int g = 0; g < table.groupCount(); g++) {
            put((int) lefts[g], (int) rights[g], g);
        }
        return true;
    }

    /** Writes each row's known group into {@code out} (-1 where unknown); returns the count of unknown rows. */
    int lookup(int[] left, int[] right, int n, int[] out) {
        int[] grid = cells;
        int stride = rightCapacity;
        int misses = 0;
        for (int i = 0; i < n; i++) {
            int group = grid[left[i] * stride + right[i]];
            out[i] = group;
            misses += group >>> 31;
        }
        return misses;
    }

    void put(int left, int right, int group) {
        cells[left * rightCapacity + right] = group;
    }
}
