package dev.floe.exec.expr;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.BytesVectorBuilder;
import dev.floe.core.vector.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** String kernels: searches work on UTF-8 bytes, transformations on decoded strings. */
final class StringFunctions {
    private StringFunctions() {
    }

    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException bad) {
            throw new FloeException(ErrorCode.COMPUTE_ERROR, "invalid regular expression '" + regex + "': "
                    + bad.getDescription() + "; pass literal=True to match the text as written");
        }
    }

    static Vector containsLiteral(BytesVector input, String needle) {
        byte[] pattern = needle.getBytes(StandardCharsets.UTF_8);
        int n = input.length();
        boolean[] out = new boolean[n];
        byte[] data = input.data();
        int[] offsets = input.offsets();
        for (int i = 0; i < n; i++) {
            out[i] = LiteralRegex.indexOf(data, offsets[i], offsets[i + 1], pattern) >= 0;
        }
        return new BooleanVector(out, input.validity(), n);
    }

    static Vector containsRegex(BytesVector input, Pattern pattern) {
        int n = input.length();
        boolean[] out = new boolean[n];
        Matcher matcher = pattern.matcher("");
        for (int i = 0; i < n; i++) {
            out[i] = !input.isNull(i) && matcher.reset(input.getString(i)).find();
        }
        return new BooleanVector(out, input.validity(), n);
    }

    /** {@link #containsRegex} for a regex of literals and gaps, on the bytes (rows with line breaks excepted). */
    static Vector containsLiterals(BytesVector input, LiteralRegex literals, Pattern pattern) {
        int n = input.length();
        boolean[] out = new boolean[n];
        byte[] data = input.data();
        int[] offsets = input.offsets();
        Matcher matcher = null;
        for (int i = 0; i < n; i++) {
            int found = literals.find(data, offsets[i], offsets[i + 1]);
            if (found == LiteralRegex.NEEDS_REGEX) {
                matcher = matcher == null ? pattern.matcher("") : matcher;
                out[i] = !input.isNull(i) && matcher.reset(input.getString(i)).find();
            } else {
                out[i] = found == 1;
            }
        }
        return new BooleanVector(out, input.validity(), n);
    }

    static Vector startsOrEndsWith(BytesVector input, String affix, boolean start) {
        byte[] pattern = affix.getBytes(StandardCharsets.UTF_8);
        int n = input.length();
        boolean[] out = new boolean[n];
        byte[] data = input.data();
        int[] offsets = input.offsets();
        for (int i = 0; i < n; i++) {
            int length = offsets[i + 1] - offsets[i];
            if (length >= pattern.length) {
                int from = start ? offsets[i] : offsets[i + 1] - pattern.length;
                out[i] = java.util.Arrays.equals(data, from, from + pattern.length, pattern, 0, pattern.length);
            }
        }
        return new BooleanVector(out, input.validity(), n);
    }

    static Vector lengthInChars(BytesVector input, DataType type) {
        int n = input.length();
        long[] out = new long[n];
        byte[] data = input.data();
        int[] offsets = input.offsets();
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int j = offsets[i]; j < offsets[i + 1]; j++) {
                count += (data[j] & 0xC0) != 0x80 ? 1 : 0;
            }
            out[i] = count;
        }
        return Numbers.fromLongs(type, out, input.validity(), n);
    }

    static Vector map(BytesVector input, UnaryOperator<String> function) {
        int n = input.length();
        BytesVectorBuilder builder = new BytesVectorBuilder(DataType.STRING, n);
        for (int i = 0; i < n; i++) {
            if (input.isNull(i)) {
                builder.appendNull();
            } else {
                builder.append(function.apply(input.getString(i)));
            }
        }
        return builder.build();
    }

    static Vector upper(BytesVector input) {
        return map(input, s -> s.toUpperCase(Locale.ROOT));
    }

    static Vector lower(BytesVector input) {
        return map(input, s -> s.toLowerCase(Locale.ROOT));
    }

    /**
     * Characters (code points) from {@code offset} (negative: from the end), {@code length} or to the end; on the
     * UTF-8 bytes, counting characters by their lead bytes (from a non-negative offset with a length, only up to the
     * slice's end).
     */
    static Vector slice(BytesVector input, long offset, Long length) {
        int n = input.length();
        byte[] data = input.data();
        int[] offsets = input.offsets();
        int[] outOffsets = new int[n + 1];
        byte[] out = new byte[offsets[n] - offsets[0]];
        int size = 0;
        for (int i = 0; i < n; i++) {
            int from = offsets[i];
            int to = offsets[i + 1];
            if (!input.isNull(i) && from < to) {
                int first;
                int last;
                if (offset >= 0 && length != null) {
                    first = byteOfChar(data, from, to, (int) Math.min(offset, Integer.MAX_VALUE));
                    last = byteOfChar(data, first, to, (int) Math.min(length, Integer.MAX_VALUE));
                } else {
                    int chars = 0;
                    for (int j = from; j < to; j++) {
                        chars += (data[j] & 0xC0) != 0x80 ? 1 : 0;
                    }
                    long start = offset >= 0 ? Math.min(offset, chars) : Math.max(0, chars + offset);
                    long end = length == null ? chars : Math.min(chars, start + Math.min(length, chars));
                    if (offset < 0 && length != null && chars + offset < 0) {
                        end = Math.max(0, Math.min(chars, chars + offset + length));
                    }
                    first = byteOfChar(data, from, to, (int) start);
                    last = byteOfChar(data, first, to, (int) (Math.max(start, end) - start));
                }
                System.arraycopy(data, first, out, size, last - first);
                size += last - first;
            }
            outOffsets[i + 1] = size;
        }
        return new BytesVector(DataType.STRING, outOffsets, out, input.validity(), n);
    }

    /** The byte position of character {@code index} counted from {@code from} ({@code to} past the last one). */
    private static int byteOfChar(byte[] data, int from, int to, int index) {
        int seen = 0;
        for (int j = from; j < to; j++) {
            if ((data[j] & 0xC0) != 0x80 && seen++ == index) {
                return j;
            }
        }
        return to;
    }

    static Vector replace(BytesVector input, String pattern, String replacement, boolean literal, boolean all) {
        if (literal) {
            return map(input, s -> all ? s.replace(pattern, replacement) : replaceFirstLiteral(s, pattern, replacement));
        }
        Pattern compiled = compile(pattern);
        String javaReplacement = replacement.replaceAll("\\$\\{(\\w+)\\}", "\\${$1}");
        return map(input, s -> all ? compiled.matcher(s).replaceAll(javaReplacement)
                : compiled.matcher(s).replaceFirst(javaReplacement));
    }

    private static String replaceFirstLiteral(String s, String pattern, String replacement) {
        int at = s.indexOf(pattern);
        return at < 0 ? s : s.substring(0, at) + replacement + s.substring(at + pattern.length());
    }
}
