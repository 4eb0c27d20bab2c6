package dev.floe.core.vector;

import dev.floe.core.types.DataType;

/**
 * One column of a {@link Batch}: values in primitive arrays plus a validity bitmap ({@code null} when no row
 * is null). Vectors are immutable once built; operators make new ones.
 */
public sealed interface Vector
        permits BooleanVector, IntVector, LongVector, DoubleVector, BytesVector, Int128Vector, ListVector,
        StructVector, NullVector {

    DataType type();

    /** The number of rows. */
    int length();

    /** The validity bitmap, or {@code null} when every row holds a value. Do not modify. */
    long[] validity();

    default boolean isNull(int row) {
        long[] validity = validity();
        return validity != null && !Bitmap.get(validity, row);
    }

    default boolean hasNulls() {
        return validity() != null && nullCount() > 0;
    }

    default int nullCount() {
        return Bitmap.nullCount(validity(), length());
    }

    /** Rows {@code rows[0..count)} in that order; a row index of -1 gives a null. */
    Vector take(int[] rows, int count);

    /** Rows {@code [offset, offset + length)}. */
    Vector slice(int offset, int length);

    /**
     * The value of a row as a Java object (Boolean, Integer/Long/Double, String, byte[], LocalDate, ... as
     * {@link Values#toObject} describes), or {@code null}. For printing and tests; hot loops read the arrays.
     */
    Object getObject(int row);
}
