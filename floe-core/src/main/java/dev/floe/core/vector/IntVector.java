package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.util.Arrays;

/** 32-bit storage: Int8, Int16, Int32, UInt8, UInt16 and Date (days since the epoch). */
public final class IntVector implements Vector {
    private final DataType type;
    private final int[] values;
    private final long[] validity;
    private final int length;

    public IntVector(DataType type, int[] values, long[] validity, int length) {
        VectorChecks.checkType(type, accepts(type), "IntVector");
        VectorChecks.checkLength(values.length, validity, length);
        this.type = type;
        this.values = values;
        this.validity = validity;
        this.length = length;
    }

    /** Whether values of this type are stored in a IntVector. */
    public static boolean accepts(DataType type) {
        return type instanceof DataType.Int8Type || type instanceof DataType.Int16Type || type instanceof DataType.Int32Type
                || type instanceof DataType.UInt8Type || type instanceof DataType.UInt16Type
                || type instanceof DataType.DateType;
    }

    public static IntVector of(DataType type, int... values) {
        return new IntVector(type, values, null, values.length);
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
    public int[] values() {
        return values;
    }

    public int get(int row) {
        return values[row];
    }

    @Override
    public IntVector take(int[] rows, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            out[i] = row >= 0 ? values[row] : 0;
        }
        return new IntVector(type, out, Bitmap.take(validity, rows, count), count);
    }

    @Override
    public IntVector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        return new IntVector(type, Arrays.copyOfRange(values, offset, offset + length),
                Bitmap.slice(validity, offset, length), length);
    }

    /** The same values with another validity bitmap. */
    public IntVector withValidity(long[] newValidity) {
        return new IntVector(type, values, newValidity, length);
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : Values.fromInt(type, values[row]);
    }
}
