package dev.floe.io.parquet.write;

import java.util.Arrays;

/** A growable byte array with little-endian and varint writers, for building pages in memory. */
final class ByteSink {
    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void reset() {
        size = 0;
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + extra, bytes.length * 2));
        }
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void writeIntLittleEndian(int value) {
        ensure(4);
        bytes[size++] = (byte) value;
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 24);
    }

    void writeLongLittleEndian(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (value >>> (8 * i));
        }
    }

    /** Overwrites 4 bytes at {@code position} (for length prefixes written after their section). */
    void setIntLittleEndian(int position, int value) {
        bytes[position] = (byte) value;
        bytes[position + 1] = (byte) (value >>> 8);
        bytes[position + 2] = (byte) (value >>> 16);
        bytes[position + 3] = (byte) (value >>> 24);
    }

    void writeUnsignedVarInt(int value) {
        int remaining = value;
        while ((remaining & ~0x7F) != 0) {
            write((remaining & 0x7F) | 0x80);
            remaining >>>= 7;
        }
        write(remaining);
    }
}
