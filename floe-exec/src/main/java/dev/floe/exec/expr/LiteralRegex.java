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

    private LiteralRegex(byte[][][] alternatives) {
        this.alternatives = alternatives;
    }

    /** The literal form of {@code regex}, or {@code null} when it uses anything else. */
    static LiteralRegex parse(String regex) {
        String[] parts = regex.split("\\|", -1);
        byte[][][] alternatives = new byte[parts.length][][];
        for (int a = 0; a < parts.length; a++) {
            List<byte[]> segments = segments(parts[a]);
            if (segments == null) {
                return null;
            }
            alternatives[a] = segments.toArray(new byte[0][]);
        }
        return new LiteralRegex(alternatives);
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

    /** The answer of {@link #find} when the row must go to the real regex. */
    static final int NEEDS_REGEX = -1;

    /**
     * 1 when some alternative's segments occur in order, without overlapping, in {@code data[start, end)};
     * 0 when none does; {@link #NEEDS_REGEX} when the leftmost match spans a line terminator, which {@code .}
     * does not cross (a regex match always implies a literal match, so only found matches are checked).
     */
    int find(byte[] data, int start, int end) {
        for (byte[][] segments : alternatives) {
            int at = start;
            int first = -1;
            boolean found = true;
            for (byte[] segment : segments) {
                int position = indexOf(data, at, end, segment);
                if (position < 0) {
                    found = false;
                    break;
                }
                first = first < 0 ? position : first;
                at = position + segment.length;
            }
            if (found) {
                return segments.length > 1 && hasLineTerminator(data, first, at) ? NEEDS_REGEX : 1;
            }
        }
        return 0;
    }

    /** Whether \n, \r or the lead byte of U+0085 (C2 85) or U+2028/U+2029 (E2 80 A8/A9) is in the range. */
    private static boolean hasLineTerminator(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = data[i];
            if (b == '\n' || b == '\r' || b == (byte) 0xC2 || b == (byte) 0xE2) {
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
