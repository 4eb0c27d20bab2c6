package dev.floe.io.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** UTF-8 validation of read text, eight ASCII bytes at a time, full decoding only around non-ASCII bytes. */
final class Utf8 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** The index of the first byte of {@code data[start, end)} that starts an invalid sequence, or -1. */
    static int firstInvalid(byte[] data, int start, int end) {
        int i = start;
        while (i < end) {
            if (i + 8 <= end && ((long) LONGS.get(data, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int b = data[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int minimum;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                minimum = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                minimum = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                minimum = 0x10000;
            } else {
                return i;
            }
            if (i + length > end) {
                return i;
            }
            int codePoint = b & (0xFF >>> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = data[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return i;
                }
                codePoint = codePoint << 6 | (next & 0x3F);
            }
            if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return i;
            }
            i += length;
        }
        return -1;
    }
}
