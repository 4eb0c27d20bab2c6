package dev.floe.io.parquet.encoding;

import java.util.Arrays;

/**
 * Decoded non-null values of one column chunk (or a dictionary) in one growable primitive array chosen by the
 * physical kind: INT32 in {@code ints}, INT64 and INT96 (as nanoseconds) in {@code longs}, FLOAT and DOUBLE in
 * {@code doubles}, BOOLEAN in {@code booleans}, BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY as offsets + bytes.
 */
public final class ValueBuffer {
    public final PhysicalKind kind;
    public int[] ints;
    public long[] longs;
    public double[] doubles;
    public boolean[] booleans;
    public int[] offsets;
    public byte[] bytes;
    public int count;
    private int maxLength = -1;

    public ValueBuffer(PhysicalKind kind, int capacity) {
        this.kind = kind;
        int size = Math.max(capacity, 1);
        switch (kind) {
            case BOOLEAN -> booleans = new boolean[size];
            case INT32 -> ints = new int[size];
            case INT64 -> longs = new long[size];
            case FLOAT, DOUBLE -> doubles = new double[size];
            case BYTES -> {
                offsets = new int[size + 1];
                bytes = new byte[Math.max(16, size)];
            }
        }
    }

    /** Makes room for {@code extra} more values. */
    public void ensure(int extra) {
        long needed = (long) count + extra;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new CorruptPageException("a column chunk holds more than 2^31 values");
        }
        int capacity = capacity();
        if (needed <= capacity) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, capacity * 2L));
        switch (kind) {
            case BOOLEAN -> booleans = Arrays.copyOf(booleans, grown);
            case INT32 -> ints = Arrays.copyOf(ints, grown);
            case INT64 -> longs = Arrays.copyOf(longs, grown);
            case FLOAT, DOUBLE -> doubles = Arrays.copyOf(doubles, grown);
            case BYTES -> offsets = Arrays.copyOf(offsets, grown + 1);
        }
    }

    private int capacity() {
        return switch (kind) {
            case BOOLEAN -> booleans.length;
            case INT32 -> ints.length;
            case INT64 -> longs.length;
            case FLOAT, DOUBLE -> doubles.length;
            case BYTES -> offsets.length - 1;
        };
    }

    /** Makes room for {@code extra} more bytes of BYTES values. */
    public void ensureBytes(long extra) {
        long needed = offsets[count] + extra;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new CorruptPageException("a column chunk holds more than 2 GB of values");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, bytes.length * 2L)));
        }
    }

    /** The longest BYTES value, computed once (for dictionaries, which do not change after decoding). */
    public int maxLength() {
        if (maxLength < 0) {
            int longest = 0;
            for (int i = 0; i < count; i++) {
                longest = Math.max(longest, offsets[i + 1] - offsets[i]);
            }
            maxLength = longest;
        }
        return maxLength;
    }

    /** Appends one BYTES value (capacity must have been ensured for the value, not the bytes). */
    public void appendBytes(byte[] source, int start, int length) {
        ensureBytes(length);
        int end = offsets[count] + length;
        System.arraycopy(source, start, bytes, offsets[count], length);
        offsets[++count] = end;
    }

    /** Appends {@code source}'s values at {@code indices[0..count)} (same kind). */
    public void gather(ValueBuffer source, int[] indices, int count) {
        ensure(count);
        int base = this.count;
        switch (kind) {
            case BOOLEAN -> {
                for (int i = 0; i < count; i++) {
                    booleans[base + i] = source.booleans[indices[i]];
                }
            }
            case INT32 -> {
                for (int i = 0; i < count; i++) {
                    ints[base + i] = source.ints[indices[i]];
                }
            }
            case INT64 -> {
                for (int i = 0; i < count; i++) {
                    longs[base + i] = source.longs[indices[i]];
                }
            }
            case FLOAT, DOUBLE -> {
                for (int i = 0; i < count; i++) {
                    doubles[base + i] = source.doubles[indices[i]];
                }
            }
            case BYTES -> {
                long total = 0;
                for (int i = 0; i < count; i++) {
                    total += source.offsets[indices[i] + 1] - source.offsets[indices[i]];
                }
                ensureBytes(total);
                int position = offsets[base];
                for (int i = 0; i < count; i++) {
                    int start = source.offsets[indices[i]];
                    int length = source.offsets[indices[i] + 1] - start;
                    System.arraycopy(source.bytes, start, bytes, position, length);
                    position += length;
                    offsets[base + i + 1] = position;
                }
            }
        }
        this.count += count;
    }
}
