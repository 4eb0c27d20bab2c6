package dev.floe.cluster.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds one binary message: big-endian primitives, length-prefixed strings and byte arrays. */
public final class WireOutput {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    public WireOutput writeInt(int value) {
        try {
            out.writeInt(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public WireOutput writeLong(long value) {
        try {
            out.writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public WireOutput writeByte(int value) {
        try {
            out.writeByte(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public WireOutput writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    public WireOutput writeBytes(byte[] value) {
        writeInt(value.length);
        try {
            out.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A string, {@code null} allowed (written as length -1). */
    public WireOutput writeString(String value) {
        if (value == null) {
            return writeInt(-1);
        }
        return writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public WireOutput writeStrings(List<String> values) {
        writeInt(values.size());
        values.forEach(this::writeString);
        return this;
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
