package dev.floe.io.parquet.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** A bounds-checked cursor over a byte range: little-endian fixed-width values and ULEB128 / zigzag varints. */
public final class ByteReader {
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] data;
    private int position;
    private final int end;

    public ByteReader(byte[] data, int position, int end) {
        if (position < 0 || end > data.length || position > end) {
            throw new CorruptPageException("byte range " + position + ".." + end + " outside a buffer of "
                    + data.length);
        }
        this.data = data;
        this.position = position;
        this.end = end;
    }

    public byte[] data() {
        return data;
    }

    public int position() {
        return position;
    }

    public int end() {
        return end;
    }

    public int remaining() {
        return end - position;
    }

    /** Moves past {@code count} bytes, checking they exist. */
    public int skip(int count) {
        require(count);
        int start = position;
        position += count;
        return start;
    }

    public void require(int count) {
        if (count < 0 || count > end - position) {
            throw new CorruptPageException("needs " + count + " bytes but only " + (end - position) + " remain");
        }
    }

    public int readByte() {
        require(1);
        return data[position++] & 0xFF;
    }

    public int readIntLittleEndian() {
        require(4);
        int value = (int) INT.get(data, position);
        position += 4;
        return value;
    }

    public int readUnsignedVarInt() {
        long value = readUnsignedVarLong();
        if (value > Integer.MAX_VALUE) {
            throw new CorruptPageException("varint " + value + " is too large");
        }
        return (int) value;
    }

    public long readUnsignedVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new CorruptPageException("varint longer than 10 bytes");
    }

    public long readZigZagVarLong() {
        long raw = readUnsignedVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Little-endian value of {@code width} bytes (0..8). */
    public long readLittleEndian(int width) {
        require(width);
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (long) (data[position + i] & 0xFF) << (8 * i);
        }
        position += width;
        return value;
    }

    public static int bitWidth(long maxValue) {
        return 64 - Long.numberOfLeadingZeros(maxValue);
    }
}
