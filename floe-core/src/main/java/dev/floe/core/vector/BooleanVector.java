package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.util.Arrays;

/** Booleans, one {@code boolean} per row. */
public final class BooleanVector implements Vector {
    private final boolean[] values;
    private final long[] validity;
    private final int length;

    public BooleanVector(boolean[] values, long[] validity, int length) {
        VectorChecks.checkLength(values.length, validity, length);
        this.values = values;
        this.validity = validity;
        this.length = length;
    }

    public static BooleanVector of(boolean... values) {
        return new BooleanVector(values, null, values.length);
    }

    @Override
    public DataType type() {
        return DataType.BOOLEAN;
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
    public boolean[] values() {
        return values;
    }

    public boolean get(int row) {
        return values[row];
    }

    @Override
    public BooleanVector take(int[] rows, int count) {
        boolean[] out = new boolean[count];
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            out[i] = row >= 0 && values[row];
        }
        return new BooleanVector(out, Bitmap.take(validity, rows, count), count);
    }

    @Override
    public BooleanVector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        return new BooleanVector(Arrays.copyOfRange(values, offset, offset + length),
                Bitmap.slice(validity, offset, length), length);
    }

    @Override
    public Object getObject(int row) {
        return isNull(row) ? null : values[row];
    }
}
