package dev.floe.exec.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression that is only literal text, gaps ({@code .*}) and alternatives of such sequences
 * ({@code special.*requests}, {@code .*Customer.*Complaints.*}, {@code PROMO*}, {@code 13|31|23}), searched
 * for directly in the UTF-8 bytes instead of decoding each row into a String for {@link java.util.regex}.
 * Rows holding a line terminator (which {@code .} does not cross) are left to the real regex.
 */
final class LiteralRegex {
    private final byte[][][] alternatives;
    private final boolean hasGaps;

    private LiteralRegex(byte[][][] alternatives, boolean hasGaps) {
        this.alternatives = alternatives;
        this.hasGaps = hasGaps;
    }

    /** The literal form of {@code regex}, or {@code null} when it uses anything else. */
    static LiteralRegex parse(String regex) {
        String[] parts = regex.split("\\|", -1);
        byte[][][] alternatives = new byte[parts.length][][];
        boolean gaps = false;
        for (int a = 0; a < parts.length; a++) {
            List<byte[]> segments = segments(parts[a]);
            if (segments == null) {
                return null;
            }
            gaps |= segments.size() > 1;
            alternatives[a] = segments.toArray(new byte[0][]);
        }
        return new LiteralRegex(alternatives, gaps);
    }

    /** The literal pieces between {@code .*} gaps (a trailing {@code x*} matches the empty text, so drops). */
    private static List<byte[]> segments(String alternative) {
        List<byte[]> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int length = alternative.length();
        for (int i = 0; i < length; i++) {
            char c = alternative.charAt(i);
            if (c == '.' && i + 1 < length && alternative.charAt(i + 1) == '*') {
                if (!current.isEmpty()) {
                    segments.add(current.toString().getBytes(StandardCharsets.UTF_8));
                    current.setLength(0);
                }
                i++;
                continue;
            }
            if (i + 1 == length - 1 && alternative.charAt(i + 1) == '*' && !isMeta(c)
                    && !Character.isSurrogate(c)) {
                break;
            }
            if (isMeta(c)) {
                return null;
            }
            current.append(c);
        }
        if (!current.isEmpty()) {
            segments.add(current.toString().getBytes(StandardCharsets.UTF_8));
        }
        return segments;
    }

    private static boolean isMeta(char c) {
        return "\\^$.|?*+()[]{}".indexOf(c) >= 0;
    }

    /** Whether the row must be matched by the real regex ({@code .} stops at line terminators). */
    boolean needsRegex(byte[] data, int start, int end) {
        if (!hasGaps) {
            return false;
        }
        for (int i = start; i < end; i++) {
            byte b = data[i];
            // \n, \r, and the lead bytes of U+0085 (C2 85) and U+2028/U+2029 (E2 80 A8/A9)
            if (b == '\n' || b == '\r' || b == (byte) 0xC2 || b == (byte) 0xE2) {
                return true;
            }
        }
        return false;
    }

    /** Whether some alternative's segments occur in order, without overlapping, in {@code data[start, end)}. */
    boolean find(byte[] data, int start, int end) {
        for (byte[][] segments : alternatives) {
            int at = start;
            boolean found = true;
            for (byte[] segment : segments) {
                int position = indexOf(data, at, end, segment);
                if (position < 0) {
                    found = false;
                    break;
                }
                at = position + segment.length;
            }
            if (found) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(byte[] data, int start, int end, byte[] pattern) {
        if (pattern.length == 0) {
            return start;
        }
        byte first = pattern[0];
        int last = end - pattern.length;
        outer:
        for (int i = start; i <= last; i++) {
            if (data[i] != first) {
                continue;
            }
            for (int j = 1; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
