package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;
import dev.floe.plan.function.QuantileMethod;
import java.util.Arrays;

/** median and quantile per group: keeps each group's non-null values, sorts them when finishing. */
final class QuantileAccumulator implements Accumulator {
    private final double quantile;
    private final QuantileMethod method;
    private final DataType type;
    private double[][] values = new double[0][];
    private int[] sizes = new int[0];

    QuantileAccumulator(double quantile, QuantileMethod method, DataType type) {
        this.quantile = quantile;
        this.method = method;
        this.type = type;
    }

    private void ensure(int groupCount) {
        values = Capacity.ensure(values, groupCount);
        sizes = Capacity.ensure(sizes, groupCount);
    }

    private void add(int g, double value) {
        double[] list = values[g];
        if (list == null) {
            list = new double[4];
            values[g] = list;
        } else if (sizes[g] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            values[g] = list;
        }
        list[sizes[g]++] = value;
    }

    @Override
    public void update(int[] groups, int groupCount, Vector input, long position) {
        ensure(groupCount);
        if (input.type() instanceof DataType.NullType) {
            return;
        }
        double[] numbers = Numbers.doubles(input);
        long[] validity = input.validity();
        for (int i = 0; i < groups.length; i++) {
            if (validity == null || Bitmap.get(validity, i)) {
                add(groups[i], numbers[i]);
            }
        }
    }

    @Override
    public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
        QuantileAccumulator that = (QuantileAccumulator) other;
        ensure(groupCount);
        for (int k = 0; k < count; k++) {
            int g = sources[k];
            int target = targets[k];
            if (g >= that.sizes.length) {
                continue;
            }
            for (int i = 0; i < that.sizes[g]; i++) {
                add(target, that.values[g][i]);
            }
        }
    }

    @Override
    public Vector finish(int groupCount) {
        ensure(groupCount);
        double[] out = new double[groupCount];
        long[] validity = Bitmap.allSet(groupCount);
        for (int g = 0; g < groupCount; g++) {
            int size = sizes[g];
            if (size == 0) {
                Bitmap.clear(validity, g);
                continue;
            }
            double[] sorted = values[g];
            Arrays.sort(sorted, 0, size);
            out[g] = of(sorted, size, quantile, method);
        }
        return Numbers.fromDoubles(type, out, Bitmap.normalize(validity, groupCount), groupCount);
    }

    /** The quantile of sorted values, choosing or interpolating between the neighbours of {@code q * (n - 1)}. */
    static double of(double[] sorted, int size, double q, QuantileMethod method) {
        double index = q * (size - 1);
        int lower = (int) Math.floor(index);
        int upper = (int) Math.ceil(index);
        return switch (method) {
            case LOWER -> sorted[lower];
            case HIGHER -> sorted[upper];
            case NEAREST -> sorted[(int) Math.round(index)];
            case MIDPOINT -> (sorted[lower] + sorted[upper]) / 2;
            case LINEAR -> sorted[lower] + (sorted[upper] - sorted[lower]) * (index - lower);
        };
    }
}
