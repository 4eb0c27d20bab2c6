package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;

/** Sum per group: in longs (wrapping) for integer inputs, in doubles for floats; an all-null group sums to 0. */
final class SumAccumulator implements Accumulator {
    private final DataType type;
    private final boolean floating;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private final LaneSums lanes = new LaneSums();

    SumAccumulator(DataType type) {
        this.type = type;
        this.floating = type.isFloat();
    }

    @Override
    public void update(int[] groups, int groupCount, Vector input, long position) {
        int n = groups.length;
        long[] validity = input.validity();
        if (floating) {
            doubles = Capacity.ensure(doubles, groupCount);
            double[] sums = doubles;
            double[] values = input instanceof DoubleVector d ? d.values() : Numbers.doubles(input);
            if (validity == null && LaneSums.applies(groupCount)) {
                lanes.addDoubles(sums, groups, values, n, groupCount);
            } else if (validity == null) {
                for (int i = 0; i < n; i++) {
                    sums[groups[i]] += values[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (Bitmap.get(validity, i)) {
                        sums[groups[i]] += values[i];
                    }
                }
            }
            return;
        }
        longs = Capacity.ensure(longs, groupCount);
        long[] sums = longs;
        long[] values = input instanceof LongVector l ? l.values() : Numbers.longs(input);
        if (validity == null && LaneSums.applies(groupCount)) {
            lanes.addLongs(sums, groups, values, n, groupCount);
        } else if (validity == null) {
            for (int i = 0; i < n; i++) {
                sums[groups[i]] += values[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (Bitmap.get(validity, i)) {
                    sums[groups[i]] += values[i];
                }
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
        SumAccumulator that = (SumAccumulator) other;
        if (floating) {
            doubles = Capacity.ensure(doubles, groupCount);
            for (int k = 0; k < count; k++) {
                int g = sources[k];
                int target = targets[k];
                doubles[target] += that.doubles.length > g ? that.doubles[g] : 0;
            }
        } else {
            longs = Capacity.ensure(longs, groupCount);
            for (int k = 0; k < count; k++) {
                int g = sources[k];
                int target = targets[k];
                longs[target] += that.longs.length > g ? that.longs[g] : 0;
            }
        }
    }

    @Override
    public Vector finish(int groupCount) {
        if (floating) {
            return Numbers.fromDoubles(type, java.util.Arrays.copyOf(doubles, groupCount), null, groupCount);
        }
        return Numbers.fromLongs(type, java.util.Arrays.copyOf(longs, groupCount), null, groupCount);
    }
}
