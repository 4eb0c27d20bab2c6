package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;

/**
 * var and std per group: the variance from the running mean and sum of squared deviations (Welford's update,
 * Chan's merge) so it stays numerically stable. The mean alone is {@link MeanAccumulator}'s.
 */
final class MomentsAccumulator implements Accumulator {
    enum Kind { VAR, STD }

    private final Kind kind;
    private final int ddof;
    private final DataType type;
    private long[] counts = new long[0];
    private double[] means = new double[0];
    private double[] squares = new double[0];

    MomentsAccumulator(Kind kind, int ddof, DataType type) {
        this.kind = kind;
        this.ddof = ddof;
        this.type = type;
    }

    private void ensure(int groupCount) {
        counts = Capacity.ensure(counts, groupCount);
        means = Capacity.ensure(means, groupCount);
        squares = Capacity.ensure(squares, groupCount);
    }

    @Override
    public void update(int[] groups, int groupCount, Vector input, long position) {
        ensure(groupCount);
        if (input.type() instanceof DataType.NullType) {
            return;
        }
        double[] values = Numbers.doubles(input);
        long[] validity = input.validity();
        for (int i = 0; i < groups.length; i++) {
            if (validity == null || Bitmap.get(validity, i)) {
                int g = groups[i];
                long count = ++counts[g];
                double delta = values[i] - means[g];
                means[g] += delta / count;
                squares[g] += delta * (values[i] - means[g]);
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
        MomentsAccumulator that = (MomentsAccumulator) other;
        ensure(groupCount);
        for (int k = 0; k < count; k++) {
            int g = sources[k];
            int target = targets[k];
            if (g >= that.counts.length) {
                continue;
            }
            long otherCount = that.counts[g];
            if (otherCount == 0) {
                continue;
            }
            long ownCount = counts[target];
            long total = ownCount + otherCount;
            double delta = that.means[g] - means[target];
            means[target] += delta * otherCount / total;
            squares[target] += that.squares[g] + delta * delta * ownCount * otherCount / total;
            counts[target] = total;
        }
    }

    @Override
    public Vector finish(int groupCount) {
        ensure(groupCount);
        double[] out = new double[groupCount];
        long[] validity = Bitmap.allSet(groupCount);
        for (int g = 0; g < groupCount; g++) {
            long count = counts[g];
            if (count - ddof <= 0) {
                Bitmap.clear(validity, g);
            } else {
                double variance = squares[g] / (count - ddof);
                out[g] = kind == Kind.STD ? Math.sqrt(variance) : variance;
            }
        }
        return Numbers.fromDoubles(type, out, Bitmap.normalize(validity, groupCount),
                groupCount);
    }
}
