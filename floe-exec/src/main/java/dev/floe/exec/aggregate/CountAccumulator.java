package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;

/** count (non-null values) or len (rows) per group. */
final class CountAccumulator implements Accumulator {
    private final DataType type;
    private final boolean countNulls;
    private long[] counts = new long[0];
    private final LaneSums lanes = new LaneSums();

    CountAccumulator(DataType type, boolean countNulls) {
        this.type = type;
        this.countNulls = countNulls;
    }

    @Override
    public void update(int[] groups, int groupCount, Vector input, long position) {
        counts = Capacity.ensure(counts, groupCount);
        long[] c = counts;
        int n = groups.length;
        long[] validity = input == null || countNulls ? null : input.validity();
        if (input != null && !countNulls && input.type() instanceof DataType.NullType) {
            return;
        }
        if (validity == null && LaneSums.applies(groupCount)) {
            lanes.addCounts(c, groups, n, groupCount);
        } else if (validity == null) {
            for (int i = 0; i < n; i++) {
                c[groups[i]]++;
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (Bitmap.get(validity, i)) {
                    c[groups[i]]++;
                }
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
        CountAccumulator that = (CountAccumulator) other;
        counts = Capacity.ensure(counts, groupCount);
        for (int k = 0; k < count; k++) {
            int g = sources[k];
            int target = targets[k];
            counts[target] += that.counts.length > g ? that.counts[g] : 0;
        }
    }

    @Override
    public Vector finish(int groupCount) {
        return Numbers.fromLongs(type, java.util.Arrays.copyOf(counts, groupCount), null, groupCount);
    }
}
