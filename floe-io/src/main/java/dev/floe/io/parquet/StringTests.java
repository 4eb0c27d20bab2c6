package dev.floe.io.parquet;

import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The string tests of {@link PredicateSelection} on the UTF-8 bytes of a string column: prefix, suffix and
 * substring (byte-wise, which is exact for UTF-8). Null rows do not match; null means the vector is not a string
 * column of {@code rows} rows.
 */
final class StringTests {
    private StringTests() {
    }

    static boolean[] startsWith(Vector vector, String prefix, int rows) {
        if (!(vector instanceof BytesVector bytes) || vector.length() != rows) {
            return null;
        }
        byte[] wanted = prefix.getBytes(StandardCharsets.UTF_8);
        boolean[] keep = new boolean[rows];
        int[] offsets = bytes.offsets();
        byte[] data = bytes.data();
        for (int i = 0; i < rows; i++) {
            int start = offsets[i];
            keep[i] = offsets[i + 1] - start >= wanted.length
                    && Arrays.equals(data, start, start + wanted.length, wanted, 0, wanted.length);
        }
        return PredicateSelection.dropNulls(keep, vector.validity(), rows);
    }

    static boolean[] endsWith(Vector vector, String suffix, int rows) {
        if (!(vector instanceof BytesVector bytes) || vector.length() != rows) {
            return null;
        }
        byte[] wanted = suffix.getBytes(StandardCharsets.UTF_8);
        boolean[] keep = new boolean[rows];
        int[] offsets = bytes.offsets();
        byte[] data = bytes.data();
        for (int i = 0; i < rows; i++) {
            int end = offsets[i + 1];
            keep[i] = end - offsets[i] >= wanted.length
                    && Arrays.equals(data, end - wanted.length, end, wanted, 0, wanted.length);
        }
        return PredicateSelection.dropNulls(keep, vector.validity(), rows);
    }

    static boolean[] contains(Vector vector, String needle, int rows) {
        if (!(vector instanceof BytesVector bytes) || vector.length() != rows) {
            return null;
        }
        byte[] wanted = needle.getBytes(StandardCharsets.UTF_8);
        boolean[] keep = new boolean[rows];
        int[] offsets = bytes.offsets();
        byte[] data = bytes.data();
        for (int i = 0; i < rows; i++) {
            keep[i] = indexOf(data, offsets[i], offsets[i + 1], wanted) >= 0;
        }
        return PredicateSelection.dropNulls(keep, vector.validity(), rows);
    }

    /** Where {@code wanted} first occurs in {@code data[from..to)}, or -1. */
    private static int indexOf(byte[] data, int from, int to, byte[] wanted) {
        if (wanted.length == 0) {
            return from;
        }
        byte first = wanted[0];
        for (int i = from; i <= to - wanted.length; i++) {
            if (data[i] == first && Arrays.equals(data, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }
}
