package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.util.Arrays;

/** Floating point storage: Float64, and Float32 (each value exactly a float). */
public final class DoubleVector implements Vector {
    private final DataType type;
    private final double[] values;
    private final long[] validity;
    private final int length;

    public DoubleVector(DataType type, double[] values, long[] validity, int length) {
        VectorChecks.checkType(type, accepts(type), "DoubleVector");
        VectorChecks.checkLength(values.length, validity, length);
        this.type = type;
        this.values = values;
        this.validity = validity;
        this.length = length;
    }

    /** Whether values of this type are stored in a DoubleVector. */
    public static boolean accepts(DataType type) {
        return type instanceof DataType.Float64Type || type instanceof DataType.Float32Type;
    }

    public static DoubleVector of(DataType type, double... values) {
        return new DoubleVector(type, values, null, values.length);
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
    public double[] values() {
        return values;
    }

    public double get(int row) {
        return values[row];
    }

    @Override
    public DoubleVector take(int[] rows, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            out[i] = row >= 0 ? values[row] : 0;
        }
        return new DoubleVector(type, out, Bitmap.take(validity, rows, count), count);
    }

    @Override
    public DoubleVector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        return new DoubleVector(type, Arrays.copyOfRange(values, offset, offset + length),
                Bitmap.slice(validity, offset, length), length);
    }

    /** The same values with another validity bitmap. */
    public DoubleVector withValidity(long[] newValidity) {
        return new DoubleVector(type, values, newValidity, length);
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : Values.fromDouble(type, values[row]);
    }
}
