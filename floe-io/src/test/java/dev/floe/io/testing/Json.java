package dev.floe.io.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON parser for test fixtures: objects as ordered maps, arrays as lists, numbers as BigDecimal. */
public final class Json {
    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    public static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipSpace();
        if (json.position != text.length()) {
            throw new IllegalArgumentException("trailing text at " + json.position);
        }
        return value;
    }

    /** The objects of a file with one JSON object a line (blank lines skipped). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readLines(Path path) {
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add((Map<String, Object>) parse(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a parsed scalar: numbers as written without exponent, anything else as its string. */
    public static String text(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(position);
        switch (c) {
            case '{' -> {
                position++;
                Map<String, Object> map = new LinkedHashMap<>();
                skipSpace();
                if (text.charAt(position) == '}') {
                    position++;
                    return map;
                }
                while (true) {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    map.put(key, value());
                    skipSpace();
                    if (text.charAt(position) == ',') {
                        position++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
            }
            case '[' -> {
                position++;
                List<Object> list = new ArrayList<>();
                skipSpace();
                if (text.charAt(position) == ']') {
                    position++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skipSpace();
                    if (text.charAt(position) == ',') {
                        position++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
            }
            case '"' -> {
                return string();
            }
            default -> {
                if (text.startsWith("null", position)) {
                    position += 4;
                    return null;
                }
                if (text.startsWith("true", position)) {
                    position += 4;
                    return Boolean.TRUE;
                }
                if (text.startsWith("false", position)) {
                    position += 5;
                    return Boolean.FALSE;
                }
                int start = position;
                while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
                    position++;
                }
                String number = text.substring(start, position);
                BigDecimal value = new BigDecimal(number);
                // BigDecimal has no negative zero; keep it as a double so float comparisons see the sign.
                return number.startsWith("-") && value.signum() == 0 ? (Object) (-0.0) : value;
            }
        }
    }

    private void expect(char c) {
        if (text.charAt(position) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + position);
        }
        position++;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> out.append(escaped);
            }
        }
    }
}
