package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.util.Arrays;

/** 128-bit two's complement integers as high and low words: Decimal of precision 19 to 38 (unscaled). */
public final class Int128Vector implements Vector {
    private final DataType type;
    private final long[] high;
    private final long[] low;
    private final long[] validity;
    private final int length;

    public Int128Vector(DataType type, long[] high, long[] low, long[] validity, int length) {
        VectorChecks.checkType(type, accepts(type), "Int128Vector");
        VectorChecks.checkLength(Math.min(high.length, low.length), validity, length);
        this.type = type;
        this.high = high;
        this.low = low;
        this.validity = validity;
        this.length = length;
    }

    public static boolean accepts(DataType type) {
        return type instanceof DataType.DecimalType decimal
                && decimal.precision() > DataType.DecimalType.MAX_LONG_PRECISION;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public long[] validity() {
        return validity;
    }

    public long[] high() {
        return high;
    }

    public long[] low() {
        return low;
    }

    @Override
    public Int128Vector take(int[] rows, int count) {
        long[] outHigh = new long[count];
        long[] outLow = new long[count];
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (row >= 0) {
                outHigh[i] = high[row];
                outLow[i] = low[row];
            }
        }
        return new Int128Vector(type, outHigh, outLow, Bitmap.take(validity, rows, count), count);
    }

    @Override
    public Int128Vector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        return new Int128Vector(type, Arrays.copyOfRange(high, offset, offset + length),
                Arrays.copyOfRange(low, offset, offset + length), Bitmap.slice(validity, offset, length), length);
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : Values.fromInt128(type, high[row], low[row]);
    }
}
