package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;

/**
 * min or max per group, nulls skipped (an all-null group gives null): primitive loops for integer-like and
 * float storage; other types (strings, booleans, decimals) through {@link ObjectMinMaxAccumulator}.
 */
final class MinMaxAccumulator implements Accumulator {
    private final DataType type;
    private final boolean max;
    private final boolean floating;
    private final boolean unsigned;
    private long[] longs = new long[0];
    private double[] doubles = new double[0];
    private boolean[] seen = new boolean[0];

    MinMaxAccumulator(DataType type, boolean max) {
        this.type = type;
        this.max = max;
        this.floating = DoubleVector.accepts(type);
        this.unsigned = type instanceof DataType.UInt64Type;
    }

    static Accumulator create(DataType type, boolean max) {
        if (LongVector.accepts(type) || IntVector.accepts(type) || DoubleVector.accepts(type)) {
            return new MinMaxAccumulator(type, max);
        }
        if (type instanceof DataType.StringType || type instanceof DataType.BinaryType) {
            return new BytesMinMaxAccumulator(type, max);
        }
        return new ObjectMinMaxAccumulator(type, max);
    }

    @Override
    public void update(int[] groups, int groupCount, Vector input, long position) {
        seen = Capacity.ensure(seen, groupCount);
        long[] validity = input.validity();
        if (input.type() instanceof DataType.NullType) {
            return;
        }
        int n = groups.length;
        if (floating) {
            doubles = Capacity.ensure(doubles, groupCount);
            double[] values = ((DoubleVector) input).values();
            for (int i = 0; i < n; i++) {
                if (validity == null || Bitmap.get(validity, i)) {
                    offer(groups[i], values[i]);
                }
            }
            return;
        }
        longs = Capacity.ensure(longs, groupCount);
        long[] values = Numbers.longs(input);
        for (int i = 0; i < n; i++) {
            if (validity == null || Bitmap.get(validity, i)) {
                offer(groups[i], values[i]);
            }
        }
    }

    private void offer(int g, double value) {
        if (!seen[g]) {
            seen[g] = true;
            doubles[g] = value;
        } else if (max ? value > doubles[g] : value < doubles[g]) {
            doubles[g] = value;
        }
    }

    private void offer(int g, long value) {
        if (!seen[g]) {
            seen[g] = true;
            longs[g] = value;
            return;
        }
        int comparison = unsigned ? Long.compareUnsigned(value, longs[g]) : Long.compare(value, longs[g]);
        if (max ? comparison > 0 : comparison < 0) {
            longs[g] = value;
        }
    }

    @Override
    public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
        MinMaxAccumulator that = (MinMaxAccumulator) other;
        seen = Capacity.ensure(seen, groupCount);
        longs = Capacity.ensure(longs, groupCount);
        doubles = Capacity.ensure(doubles, groupCount);
        for (int k = 0; k < count; k++) {
            int g = sources[k];
            int target = targets[k];
            if (g >= that.seen.length) {
                continue;
            }
            if (that.seen[g]) {
                if (floating) {
                    offer(target, that.doubles[g]);
                } else {
                    offer(target, that.longs[g]);
                }
            }
        }
    }

    @Override
    public Vector finish(int groupCount) {
        seen = Capacity.ensure(seen, groupCount);
        long[] validity = Bitmap.allSet(groupCount);
        for (int g = 0; g < groupCount; g++) {
            if (!seen[g]) {
                Bitmap.clear(validity, g);
            }
        }
        long[] normalized = Bitmap.normalize(validity, groupCount);
        if (floating) {
            return Numbers.fromDoubles(type, java.util.Arrays.copyOf(Capacity.ensure(doubles, groupCount), groupCount),
                    normalized, groupCount);
        }
        return Numbers.fromLongs(type, java.util.Arrays.copyOf(Capacity.ensure(longs, groupCount), groupCount),
                normalized, groupCount);
    }

    /** Byte-wise min/max of strings: a group's best value is copied only when it changes. */
    static final class BytesMinMaxAccumulator implements Accumulator {
        private final DataType type;
        private final boolean max;
        private byte[][] best = new byte[0][];

        BytesMinMaxAccumulator(DataType type, boolean max) {
            this.type = type;
            this.max = max;
        }

        @Override
        public void update(int[] groups, int groupCount, Vector input, long position) {
            best = Capacity.ensure(best, groupCount);
            if (!(input instanceof BytesVector bytes)) {
                return;
            }
            byte[] data = bytes.data();
            int[] offsets = bytes.offsets();
            long[] validity = bytes.validity();
            for (int i = 0; i < groups.length; i++) {
                if (validity == null || Bitmap.get(validity, i)) {
                    offer(groups[i], data, offsets[i], offsets[i + 1]);
                }
            }
        }

        private void offer(int g, byte[] data, int start, int end) {
            byte[] current = best[g];
            if (current == null) {
                best[g] = java.util.Arrays.copyOfRange(data, start, end);
                return;
            }
            int comparison = java.util.Arrays.compareUnsigned(data, start, end, current, 0, current.length);
            if (max ? comparison > 0 : comparison < 0) {
                best[g] = java.util.Arrays.copyOfRange(data, start, end);
            }
        }

        @Override
        public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
            BytesMinMaxAccumulator that = (BytesMinMaxAccumulator) other;
            best = Capacity.ensure(best, groupCount);
            for (int k = 0; k < count; k++) {
                int g = sources[k];
                int target = targets[k];
                if (g >= that.best.length) {
                    continue;
                }
                if (that.best[g] != null) {
                    offer(target, that.best[g], 0, that.best[g].length);
                }
            }
        }

        @Override
        public Vector finish(int groupCount) {
            best = Capacity.ensure(best, groupCount);
            dev.floe.core.vector.BytesVectorBuilder builder = new dev.floe.core.vector.BytesVectorBuilder(type, groupCount);
            for (int g = 0; g < groupCount; g++) {
                if (best[g] == null) {
                    builder.appendNull();
                } else {
                    builder.append(best[g]);
                }
            }
            return builder.build();
        }
    }
}
