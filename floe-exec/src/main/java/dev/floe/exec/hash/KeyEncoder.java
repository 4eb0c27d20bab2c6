package dev.floe.exec.hash;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
import java.util.List;

/**
 * Encodes the key columns of one row into bytes, so that equal key tuples have equal bytes: per column a
 * null flag, then the value (fixed width for primitives, a length prefix for strings). Floats are normalized
 * so -0.0 equals 0.0 and all NaNs are equal.
 */
final class KeyEncoder {
    private KeyEncoder() {
    }

    static void checkSupported(DataType type) {
        if (type.isNested()) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, "cannot use a " + type
                    + " column as a group, join or unique key; use columns of flat types");
        }
    }

    /** Appends the encoded key of {@code row} to {@code out}; returns false when a key column is null. */
    static boolean encode(List<Vector> keys, int row, ByteBuffer out) {
        boolean allValid = true;
        for (Vector key : keys) {
            long[] validity = key.validity();
            if (key instanceof NullVector || validity != null && !Bitmap.get(validity, row)) {
                out.put((byte) 0);
                allValid = false;
                continue;
            }
            out.put((byte) 1);
            switch (key) {
                case LongVector v -> out.putLong(v.values()[row]);
                case IntVector v -> out.putInt(v.values()[row]);
                case DoubleVector v -> {
                    double value = v.values()[row];
                    out.putLong(value == 0.0 ? 0L : Double.doubleToLongBits(value));
                }
                case BooleanVector v -> out.put((byte) (v.values()[row] ? 1 : 0));
                case BytesVector v -> {
                    int start = v.start(row);
                    int length = v.byteLength(row);
                    out.putInt(length);
                    out.put(v.data(), start, length);
                }
                case Int128Vector v -> {
                    out.putLong(v.high()[row]);
                    out.putLong(v.low()[row]);
                }
                case ListVector _, StructVector _, NullVector _ ->
                        throw new FloeException(ErrorCode.TYPE_MISMATCH, "cannot use a " + key.type()
                        + " column as a key");
            }
        }
        return allValid;
    }

    /** A growable byte buffer with little-endian puts and reads. */
    static final class ByteBuffer {
        byte[] data = new byte[64];
        int size;

        void reset() {
            size = 0;
        }

        private void ensure(int extra) {
            if (size + extra > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(size + extra, data.length * 2));
            }
        }

        void put(byte value) {
            ensure(1);
            data[size++] = value;
        }

        void put(byte[] source, int start, int length) {
            ensure(length);
            System.arraycopy(source, start, data, size, length);
            size += length;
        }

        void putInt(int value) {
            ensure(4);
            for (int i = 0; i < 4; i++) {
                data[size++] = (byte) (value >>> (8 * i));
            }
        }

        void putLong(long value) {
            ensure(8);
            for (int i = 0; i < 8; i++) {
                data[size++] = (byte) (value >>> (8 * i));
            }
        }

        static int readInt(byte[] data, int at) {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                value |= (data[at + i] & 0xFF) << (8 * i);
            }
            return value;
        }

        static long readLong(byte[] data, int at) {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (data[at + i] & 0xFFL) << (8 * i);
            }
            return value;
        }
    }
}
