package dev.floe.exec.sort;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;

/**
 * The fast path for one integer-like sort key: a stable least-significant-digit radix sort of the keys (made
 * order-preserving unsigned, complemented when descending) carrying the row indices; nulls are placed
 * first or last in input order. Passes whose byte is the same for every key are skipped.
 */
public final class RadixSorter {
    private RadixSorter() {
    }

    public static boolean supports(Vector key) {
        return key instanceof IntVector
                || key instanceof LongVector && !(key.type() instanceof DataType.UInt64Type);
    }

    public static int[] sort(Vector key, boolean descending, boolean nullsLast) {
        int n = key.length();
        long[] validity = key.validity();
        int valid = n - Bitmap.nullCount(validity, n);
        long[] keys = new long[valid];
        int[] rows = new int[valid];
        int[] nulls = new int[n - valid];
        int v = 0;
        int nullCount = 0;
        for (int i = 0; i < n; i++) {
            if (validity != null && !Bitmap.get(validity, i)) {
                nulls[nullCount++] = i;
                continue;
            }
            long value = key instanceof LongVector longs ? longs.values()[i] : ((IntVector) key).values()[i];
            long ordered = value ^ Long.MIN_VALUE;
            keys[v] = descending ? ~ordered : ordered;
            rows[v++] = i;
        }
        radix(keys, rows, valid);
        int[] out = new int[n];
        int position = 0;
        if (!nullsLast) {
            System.arraycopy(nulls, 0, out, 0, nullCount);
            position = nullCount;
        }
        System.arraycopy(rows, 0, out, position, valid);
        if (nullsLast) {
            System.arraycopy(nulls, 0, out, valid, nullCount);
        }
        return out;
    }

    private static void radix(long[] keys, int[] rows, int n) {
        long[] keyBuffer = new long[n];
        int[] rowBuffer = new int[n];
        long[] sourceKeys = keys;
        int[] sourceRows = rows;
        int[] counts = new int[257];
        for (int shift = 0; shift < 64; shift += 8) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) ((sourceKeys[i] >>> shift) & 0xFF) + 1]++;
            }
            boolean trivial = false;
            for (int b = 1; b <= 256; b++) {
                if (counts[b] == n) {
                    trivial = true;
                    break;
                }
            }
            if (trivial) {
                continue;
            }
            for (int b = 0; b < 256; b++) {
                counts[b + 1] += counts[b];
            }
            long[] targetKeys = sourceKeys == keys ? keyBuffer : keys;
            int[] targetRows = sourceRows == rows ? rowBuffer : rows;
            for (int i = 0; i < n; i++) {
                int bucket = (int) ((sourceKeys[i] >>> shift) & 0xFF);
                int to = counts[bucket]++;
                targetKeys[to] = sourceKeys[i];
                targetRows[to] = sourceRows[i];
            }
            sourceKeys = targetKeys;
            sourceRows = targetRows;
        }
        if (sourceRows != rows) {
            System.arraycopy(sourceRows, 0, rows, 0, n);
        }
    }
}
