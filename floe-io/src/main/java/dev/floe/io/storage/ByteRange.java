package dev.floe.io.storage;

/** {@code length} bytes starting at {@code offset} of a file or object. */
public record ByteRange(long offset, int length) {
    public ByteRange {
        if (offset < 0 || length < 0) {
            throw dev.floe.core.FloeException.internal("byte range [" + offset + ", +" + length + ")");
        }
    }

    public long end() {
        return offset + length;
    }
}
