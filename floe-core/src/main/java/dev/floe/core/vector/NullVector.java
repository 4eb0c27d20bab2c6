package dev.floe.core.vector;

import dev.floe.core.types.DataType;

/** A column of the Null type: only a length, every row null. */
public final class NullVector implements Vector {
    private final int length;
    private long[] validity;

    public NullVector(int length) {
        VectorChecks.checkLength(length, null, length);
        this.length = length;
    }

    @Override
    public DataType type() {
        return DataType.NULL;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public long[] validity() {
        if (validity == null) {
            validity = Bitmap.allocate(length);
        }
        return validity;
    }

    @Override
    public boolean isNull(int row) {
        return true;
    }

    @Override
    public int nullCount() {
        return length;
    }

    @Override
    public NullVector take(int[] rows, int count) {
        return new NullVector(count);
    }

    @Override
    public NullVector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        return new NullVector(length);
    }

    @Override
    public Object getObject(int row) {
        return null;
    }
}
