package dev.floe.pdsh;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Fixed-capacity primitive buffers that generated rows are appended to, one per column, turned into vectors. */
final class ColumnBuffers {
    private ColumnBuffers() {
    }

    /** Int64 values. */
    static final class Longs {
        private final long[] values;
        private int size;

        Longs(int capacity) {
            values = new long[capacity];
        }

        void add(long value) {
            values[size++] = value;
        }

        Vector build() {
            return new LongVector(DataType.INT64, values, null, size);
        }
    }

    /** Float64 values. */
    static final class Doubles {
        private final double[] values;
        private int size;

        Doubles(int capacity) {
            values = new double[capacity];
        }

        void add(double value) {
            values[size++] = value;
        }

        Vector build() {
            return new DoubleVector(DataType.FLOAT64, values, null, size);
        }
    }

    /** Dates as days since 1970-01-01. */
    static final class Dates {
        private final int[] values;
        private int size;

        Dates(int capacity) {
            values = new int[capacity];
        }

        void add(int epochDay) {
            values[size++] = epochDay;
        }

        Vector build() {
            return new IntVector(DataType.DATE, values, null, size);
        }
    }

    /** UTF-8 strings, with a copy loop for ASCII text (all of TPC-H's) that allocates nothing per row. */
    static final class Strings {
        private final int[] offsets;
        private byte[] data;
        private int size;

        Strings(int capacity, int expectedBytesPerRow) {
            offsets = new int[capacity + 1];
            data = new byte[Math.max(16, capacity * expectedBytesPerRow)];
        }

        void add(String value) {
            int length = value.length();
            int start = offsets[size];
            ensure(start + length);
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    addUtf8(value, start);
                    return;
                }
                data[start + i] = (byte) c;
            }
            offsets[++size] = start + length;
        }

        void add(char value) {
            if (value >= 0x80) {
                add(String.valueOf(value));
                return;
            }
            int start = offsets[size];
            ensure(start + 1);
            data[start] = (byte) value;
            offsets[++size] = start + 1;
        }

        private void addUtf8(String value, int start) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ensure(start + bytes.length);
            System.arraycopy(bytes, 0, data, start, bytes.length);
            offsets[++size] = start + bytes.length;
        }

        private void ensure(int end) {
            if (end > data.length) {
                data = Arrays.copyOf(data, Math.max(end, data.length * 2));
            }
        }

        Vector build() {
            return new BytesVector(DataType.STRING, offsets, data, null, size);
        }
    }
}
