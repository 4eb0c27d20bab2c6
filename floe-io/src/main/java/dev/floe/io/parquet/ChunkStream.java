package dev.floe.io.parquet;

import java.io.InputStream;

/** An input stream over a column chunk that exposes its position (page headers are read from it). */
final class ChunkStream extends InputStream {
    private final byte[] bytes;
    int position;

    ChunkStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position >= bytes.length) {
            return -1;
        }
        int count = Math.min(length, bytes.length - position);
        System.arraycopy(bytes, position, target, offset, count);
        position += count;
        return count;
    }
}
