package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.util.Arrays;

/** 64-bit storage: Int64, UInt32, UInt64 (as unsigned bits), Datetime, Duration, Time and Decimal up to
 * precision 18 (the unscaled value). */
public final class LongVector implements Vector {
    private final DataType type;
    private final long[] values;
    private final long[] validity;
    private final int length;

    public LongVector(DataType type, long[] values, long[] validity, int length) {
        VectorChecks.checkType(type, accepts(type), "LongVector");
        VectorChecks.checkLength(values.length, validity, length);
        this.type = type;
        this.values = values;
        this.validity = validity;
        this.length = length;
    }

    /** Whether values of this type are stored in a LongVector. */
    public static boolean accepts(DataType type) {
        return type instanceof DataType.Int64Type || type instanceof DataType.UInt32Type
                || type instanceof DataType.UInt64Type || type instanceof DataType.DatetimeType
                || type instanceof DataType.DurationType || type instanceof DataType.TimeType
                || type instanceof DataType.DecimalType decimal
                        && decimal.precision() <= DataType.DecimalType.MAX_LONG_PRECISION;
    }

    public static LongVector of(DataType type, long... values) {
        return new LongVector(type, values, null, values.length);
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

    /** The backing array; may be longer than {@link #length()}. Do not modify. */
    public long[] values() {
        return values;
    }

    public long get(int row) {
        return values[row];
    }

    @Override
    public LongVector take(int[] rows, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            out[i] = row >= 0 ? values[row] : 0;
        }
        return new LongVector(type, out, Bitmap.take(validity, rows, count), count);
    }

    @Override
    public LongVector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        return new LongVector(type, Arrays.copyOfRange(values, offset, offset + length),
                Bitmap.slice(validity, offset, length), length);
    }

    /** The same values with another validity bitmap. */
    public LongVector withValidity(long[] newValidity) {
        return new LongVector(type, values, newValidity, length);
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : Values.fromLong(type, values[row]);
    }
}
