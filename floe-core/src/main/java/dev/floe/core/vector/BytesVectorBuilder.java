package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Appends variable-length values and builds a {@link BytesVector}. */
public final class BytesVectorBuilder {
    private final DataType type;
    private int[] offsets;
    private byte[] data;
    private long[] validity;
    private int length;

    public BytesVectorBuilder(DataType type, int expectedRows) {
        this.type = type;
        this.offsets = new int[Math.max(expectedRows, 4) + 1];
        this.data = new byte[Math.max(expectedRows * 8, 16)];
    }

    public BytesVectorBuilder append(String value) {
        return append(value.getBytes(StandardCharsets.UTF_8));
    }

    public BytesVectorBuilder append(byte[] value) {
        return append(value, 0, value.length);
    }

    public BytesVectorBuilder append(byte[] source, int start, int size) {
        ensureRow();
        int end = offsets[length] + size;
        if (end > data.length) {
            data = Arrays.copyOf(data, Math.max(end, (int) Math.min(Integer.MAX_VALUE - 8, data.length * 2L)));
        }
        System.arraycopy(source, start, data, offsets[length], size);
        offsets[++length] = end;
        return this;
    }

    public BytesVectorBuilder appendNull() {
        ensureRow();
        if (validity == null) {
            validity = Bitmap.allSet(offsets.length);
        }
        Bitmap.clear(validity, length);
        offsets[length + 1] = offsets[length];
        length++;
        return this;
    }

    private void ensureRow() {
        if (length + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
            if (validity != null) {
                long[] grown = Bitmap.allSet(offsets.length);
                System.arraycopy(validity, 0, grown, 0, validity.length);
                validity = grown;
            }
        }
    }

    public int length() {
        return length;
    }

    public BytesVector build() {
        return new BytesVector(type, offsets, data, Bitmap.normalize(validity, length), length);
    }
}
