package dev.floe.exec.aggregate;

import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;
import java.util.List;

/**
 * The smallest and largest value of a single integer group key over the key columns of thread-local states, to cut the keys into
 * equal value ranges for {@link PartitionedMerge}. A null key's group holds the value 0, so it falls in the range
 * of 0 in every state alike.
 */
record KeyRange(long min, long max) {
    KeyRange {
        if (min > max) {
            throw dev.floe.core.FloeException.internal("key range " + min + " > " + max);
        }
    }

    /** The range of the states' single integer key, or {@code null} for other keys or a span that overflows. */
    static KeyRange of(List<List<Vector>> localKeys) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (List<Vector> keys : localKeys) {
            if (keys.size() != 1 || !(keys.getFirst() instanceof LongVector || keys.getFirst() instanceof IntVector)) {
                return null;
            }
            long[] values = Numbers.longs(keys.getFirst());
            for (int g = 0; g < keys.getFirst().length(); g++) {
                min = Math.min(min, values[g]);
                max = Math.max(max, values[g]);
            }
        }
        if (min > max || max - min < 0) {
            return null;
        }
        return new KeyRange(min, max);
    }

    /** The partition of each group: its key's place among {@code partitions} equal ranges of values. */
    int[] partitionsOf(Vector key, int groupCount, int partitions) {
        long[] values = Numbers.longs(key);
        double scale = partitions / ((double) (max - min) + 1);
        int[] out = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            out[g] = (int) Math.min(partitions - 1, (values[g] - min) * scale);
        }
        return out;
    }
}
