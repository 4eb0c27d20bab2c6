package dev.floe.plan.codec;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.ByteBuffer;

/**
 * Reads what {@link CodecWriter} wrote from untrusted bytes: every length is checked against the bytes left
 * (no huge allocation from a lying length), nesting is bounded, and every failure is an
 * {@link ErrorCode#INVALID_PLAN} error.
 */
final class CodecReader {
    static final int MAX_DEPTH = 500;

    private final byte[] bytes;
    private int position;
    private int depth;

    CodecReader(byte[] bytes) {
        this.bytes = bytes;
    }

    static FloeException invalid(String message) {
        return new FloeException(ErrorCode.INVALID_PLAN, "malformed serialized plan: " + message);
    }

    int remaining() {
        return bytes.length - position;
    }

    private void need(int count) {
        if (count < 0 || count > remaining()) {
            throw invalid("needs " + count + " more bytes at offset " + position + " but only " + remaining()
                    + " remain (truncated input?)");
        }
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw invalid("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    void exit() {
        depth--;
    }

    int readByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    boolean readBoolean() {
        int value = readByte();
        if (value > 1) {
            throw invalid("boolean byte " + value + " at offset " + (position - 1));
        }
        return value == 1;
    }

    int readInt() {
        need(4);
        int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    long readLong() {
        return ((long) readInt() << 32) | (readInt() & 0xFFFF_FFFFL);
    }

    double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    /** A count of items that each take at least {@code minimumBytes} bytes. */
    int readCount(int minimumBytes) {
        int count = readInt();
        if (count < 0 || (long) count * minimumBytes > remaining()) {
            throw invalid("count " + count + " at offset " + (position - 4) + " exceeds the " + remaining()
                    + " bytes left");
        }
        return count;
    }

    byte[] readBytes() {
        int length = readCount(1);
        byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    String readString() {
        byte[] raw = readBytes();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("a string is not valid UTF-8");
        }
    }

    String readNullableString() {
        return readBoolean() ? readString() : null;
    }

    List<String> readStrings() {
        int count = readCount(4);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString());
        }
        return values;
    }

    Map<String, String> readStringMap() {
        int count = readCount(8);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.put(readString(), readString());
        }
        return values;
    }

    /** An enum constant by ordinal. */
    <E extends Enum<E>> E readEnum(Class<E> type) {
        int ordinal = readByte();
        E[] constants = type.getEnumConstants();
        if (ordinal >= constants.length) {
            throw invalid(type.getSimpleName() + " ordinal " + ordinal + " out of range");
        }
        return constants[ordinal];
    }

    void expectEnd() {
        if (remaining() != 0) {
            throw invalid(remaining() + " unexpected trailing bytes");
        }
    }
}
