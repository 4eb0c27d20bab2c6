package dev.floe.plan.codec;

import dev.floe.core.FloeException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes the primitives of the plan codec: big-endian numbers, length-prefixed UTF-8 strings and lists. */
final class CodecWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);

    void writeByte(int value) {
        try {
            out.writeByte(value);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void writeInt(int value) {
        try {
            out.writeInt(value);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void writeLong(long value) {
        try {
            out.writeLong(value);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    void writeBytes(byte[] value) {
        writeInt(value.length);
        try {
            out.write(value, 0, value.length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    void writeString(String value) {
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    void writeNullableString(String value) {
        writeBoolean(value != null);
        if (value != null) {
            writeString(value);
        }
    }

    void writeStrings(List<String> values) {
        writeInt(values.size());
        values.forEach(this::writeString);
    }

    void writeStringMap(Map<String, String> values) {
        writeInt(values.size());
        values.forEach((key, value) -> {
            writeString(key);
            writeString(value);
        });
    }

    private static FloeException failed(IOException e) {
        return FloeException.internal("writing to an in-memory stream failed: " + e);
    }

    byte[] toByteArray() {
        try {
            out.flush();
        } catch (IOException e) {
            throw FloeException.internal("flushing an in-memory stream failed: " + e);
        }
        return bytes.toByteArray();
    }
}
