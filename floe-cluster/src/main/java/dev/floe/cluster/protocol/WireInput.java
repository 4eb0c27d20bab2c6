package dev.floe.cluster.protocol;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one binary message defensively: every length and count is checked against the bytes that remain, so a
 * truncated or lying message gives a clear {@link ErrorCode#INVALID_ARGUMENT} error instead of a huge
 * allocation or a hang.
 */
public final class WireInput {
    private final ByteBuffer buffer;
    private final String what;

    public WireInput(byte[] bytes, String what) {
        this.buffer = ByteBuffer.wrap(bytes);
        this.what = what;
    }

    public int readInt() {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw malformed("it ends early");
        }
    }

    public long readLong() {
        try {
            return buffer.getLong();
        } catch (BufferUnderflowException e) {
            throw malformed("it ends early");
        }
    }

    public int readByte() {
        try {
            return buffer.get() & 0xFF;
        } catch (BufferUnderflowException e) {
            throw malformed("it ends early");
        }
    }

    public boolean readBoolean() {
        int value = readByte();
        if (value > 1) {
            throw malformed("a boolean field holds " + value);
        }
        return value == 1;
    }

    public byte[] readBytes() {
        int length = readInt();
        if (length < 0 || length > buffer.remaining()) {
            throw malformed("a field claims " + length + " bytes but " + buffer.remaining() + " remain");
        }
        byte[] value = new byte[length];
        buffer.get(value);
        return value;
    }

    public String readString() {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > buffer.remaining()) {
            throw malformed("a string claims " + length + " bytes but " + buffer.remaining() + " remain");
        }
        byte[] value = new byte[length];
        buffer.get(value);
        return new String(value, StandardCharsets.UTF_8);
    }

    /** A count of following items, each at least {@code minimumItemBytes} long, checked against what remains. */
    public int readCount(int minimumItemBytes) {
        int count = readInt();
        if (count < 0 || (long) count * Math.max(1, minimumItemBytes) > buffer.remaining()) {
            throw malformed("a list claims " + count + " items but only " + buffer.remaining() + " bytes remain");
        }
        return count;
    }

    public List<String> readStrings() {
        int count = readCount(4);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString());
        }
        return values;
    }

    /** Fails unless every byte was read: trailing bytes mean the sender and receiver disagree on the format. */
    public void expectEnd() {
        if (buffer.hasRemaining()) {
            throw malformed(buffer.remaining() + " unexpected bytes follow the message");
        }
    }

    public FloeException malformed(String reason) {
        return new FloeException(ErrorCode.INVALID_ARGUMENT, "malformed " + what + ": " + reason);
    }
}
