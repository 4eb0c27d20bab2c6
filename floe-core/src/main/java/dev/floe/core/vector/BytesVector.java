package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Variable-length values, String (UTF-8) or Binary: row {@code i} is {@code data[offsets[i] .. offsets[i + 1])}.
 */
public final class BytesVector implements Vector {
    /** Runs of at most this many bytes are copied by a loop, which beats the call into the array copy. */
    private static final int INLINE_COPY_BYTES = 16;

    private final DataType type;
    private final int[] offsets;
    private final byte[] data;
    private final long[] validity;
    private final int length;

    public BytesVector(DataType type, int[] offsets, byte[] data, long[] validity, int length) {
        VectorChecks.checkType(type, accepts(type), "BytesVector");
        VectorChecks.checkLength(offsets.length - 1, validity, length);
        this.type = type;
        this.offsets = offsets;
        this.data = data;
        this.validity = validity;
        this.length = length;
    }

    public static boolean accepts(DataType type) {
        return type instanceof DataType.StringType || type instanceof DataType.BinaryType;
    }

    /** Strings; a {@code null} element is a null row. */
    public static BytesVector ofStrings(String... values) {
        BytesVectorBuilder builder = new BytesVectorBuilder(DataType.STRING, values.length);
        for (String value : values) {
            if (value == null) {
                builder.appendNull();
            } else {
                builder.append(value);
            }
        }
        return builder.build();
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

    /** Offsets into {@link #data()}: {@code length() + 1} entries are meaningful. Do not modify. */
    public int[] offsets() {
        return offsets;
    }

    /** The value bytes of all rows. Do not modify. */
    public byte[] data() {
        return data;
    }

    public int start(int row) {
        return offsets[row];
    }

    public int byteLength(int row) {
        return offsets[row + 1] - offsets[row];
    }

    public String getString(int row) {
        return new String(data, offsets[row], offsets[row + 1] - offsets[row], StandardCharsets.UTF_8);
    }

    public byte[] getBytes(int row) {
        return Arrays.copyOfRange(data, offsets[row], offsets[row + 1]);
    }

    /** Whether row {@code row} holds exactly {@code bytes}. */
    public boolean equalsBytes(int row, byte[] bytes) {
        int start = offsets[row];
        int end = offsets[row + 1];
        return Arrays.equals(data, start, end, bytes, 0, bytes.length);
    }

    /** Unsigned byte-wise comparison (the order of UTF-8 code points) of two rows of two vectors. */
    public static int compare(BytesVector left, int leftRow, BytesVector right, int rightRow) {
        return Arrays.compareUnsigned(left.data, left.offsets[leftRow], left.offsets[leftRow + 1],
                right.data, right.offsets[rightRow], right.offsets[rightRow + 1]);
    }

    @Override
    public BytesVector take(int[] rows, int count) {
        int[] outOffsets = new int[count + 1];
        long total = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (row >= 0) {
                total += offsets[row + 1] - offsets[row];
            }
            outOffsets[i + 1] = Math.toIntExact(total);
        }
        byte[] out = new byte[Math.toIntExact(total)];
        // runs of consecutive rows (a filter keeping most rows, a probe side in order) are copied in one piece
        int i = 0;
        while (i < count) {
            int first = rows[i];
            int j = i + 1;
            if (first >= 0) {
                while (j < count && rows[j] == rows[j - 1] + 1) {
                    j++;
                }
                int start = offsets[first];
                int length = offsets[rows[j - 1] + 1] - start;
                int at = outOffsets[i];
                if (length <= INLINE_COPY_BYTES) {
                    for (int k = 0; k < length; k++) {
                        out[at + k] = data[start + k];
                    }
                } else {
                    System.arraycopy(data, start, out, at, length);
                }
            }
            i = j;
        }
        return new BytesVector(type, outOffsets, out, Bitmap.take(validity, rows, count), count);
    }

    @Override
    public BytesVector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        int start = offsets[offset];
        int end = offsets[offset + length];
        int[] outOffsets = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            outOffsets[i] = offsets[offset + i] - start;
        }
        return new BytesVector(type, outOffsets, Arrays.copyOfRange(data, start, end),
                Bitmap.slice(validity, offset, length), length);
    }

    public BytesVector withValidity(long[] newValidity) {
        return new BytesVector(type, offsets, data, newValidity, length);
    }

    @Override
    public Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        return type instanceof DataType.BinaryType ? getBytes(row) : getString(row);
    }
}
