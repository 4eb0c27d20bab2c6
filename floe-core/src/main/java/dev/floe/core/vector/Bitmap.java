package dev.floe.core.vector;

/**
 * Validity bitmaps: bit {@code i} of {@code words[i >>> 6]} is 1 when row {@code i} holds a value and 0 when
 * it is null. A vector without nulls carries {@code null} instead of a bitmap.
 */
public final class Bitmap {
    private Bitmap() {
    }

    public static long[] allocate(int length) {
        return new long[wordCount(length)];
    }

    /** A bitmap with the first {@code length} bits set (every row valid). */
    public static long[] allSet(int length) {
        long[] words = allocate(length);
        int full = length >>> 6;
        java.util.Arrays.fill(words, 0, full, -1L);
        int rest = length & 63;
        if (rest != 0) {
            words[full] = (1L << rest) - 1;
        }
        return words;
    }

    public static int wordCount(int length) {
        return (length + 63) >>> 6;
    }

    public static boolean get(long[] words, int index) {
        return (words[index >>> 6] & (1L << index)) != 0;
    }

    public static void set(long[] words, int index) {
        words[index >>> 6] |= 1L << index;
    }

    public static void clear(long[] words, int index) {
        words[index >>> 6] &= ~(1L << index);
    }

    public static void set(long[] words, int index, boolean value) {
        if (value) {
            set(words, index);
        } else {
            clear(words, index);
        }
    }

    /** How many of the first {@code length} bits are set. */
    public static int countSet(long[] words, int length) {
        int full = length >>> 6;
        int count = 0;
        for (int i = 0; i < full; i++) {
            count += Long.bitCount(words[i]);
        }
        int rest = length & 63;
        if (rest != 0) {
            count += Long.bitCount(words[full] & ((1L << rest) - 1));
        }
        return count;
    }

    /** How many of the first {@code length} rows are null; 0 for a {@code null} bitmap. */
    public static int nullCount(long[] validity, int length) {
        return validity == null ? 0 : length - countSet(validity, length);
    }

    /** Bits {@code [offset, offset + length)} as a new bitmap starting at 0; {@code null} stays {@code null}. */
    public static long[] slice(long[] words, int offset, int length) {
        if (words == null) {
            return null;
        }
        long[] out = allocate(length);
        if ((offset & 63) == 0) {
            System.arraycopy(words, offset >>> 6, out, 0, out.length);
            return out;
        }
        for (int i = 0; i < length; i++) {
            if (get(words, offset + i)) {
                set(out, i);
            }
        }
        return out;
    }

    /** The AND of two validity bitmaps, either of which may be {@code null} (all valid). */
    public static long[] and(long[] left, long[] right, int length) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        long[] out = allocate(length);
        for (int i = 0; i < out.length; i++) {
            out[i] = left[i] & right[i];
        }
        return out;
    }

    /** Bitmap gathered by row indices; index -1 gives a null row. Returns {@code null} when every row is valid. */
    public static long[] take(long[] words, int[] rows, int count) {
        long[] out = null;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            boolean valid = row >= 0 && (words == null || get(words, row));
            if (!valid) {
                if (out == null) {
                    out = allSet(count);
                }
                clear(out, i);
            }
        }
        return out;
    }

    /** {@code null} when the bitmap marks no row null, the bitmap otherwise. */
    public static long[] normalize(long[] words, int length) {
        return words == null || countSet(words, length) == length ? null : words;
    }
}
