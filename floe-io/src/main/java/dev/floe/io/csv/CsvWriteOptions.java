package dev.floe.io.csv;

import dev.floe.core.FloeException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How {@link CsvWriter} writes: by Polars' names {@code include_header} (true), {@code separator} (","),
 * {@code quote_char} ("\""), {@code null_value} ("" — null is an empty unquoted field), {@code line_terminator}
 * ("\n") and {@code include_bom} (false).
 */
public record CsvWriteOptions(boolean includeHeader, byte separator, byte quote, String nullValue,
        String lineTerminator, boolean includeBom) {
    public static final CsvWriteOptions DEFAULT = new CsvWriteOptions(true, (byte) ',', (byte) '"', "", "\n", false);

    public CsvWriteOptions {
        if (separator == '\n' || separator == '\r' || separator == quote) {
            throw FloeException.invalidArgument("the CSV separator must differ from the quote and line breaks");
        }
        if (nullValue == null || lineTerminator == null || lineTerminator.isEmpty()) {
            throw FloeException.invalidArgument("null_value must not be null and line_terminator not empty");
        }
    }

    public static CsvWriteOptions from(Map<String, String> options) {
        return new CsvWriteOptions(Boolean.parseBoolean(options.getOrDefault("include_header", "true")),
                single("separator", options.getOrDefault("separator", ",")),
                single("quote_char", options.getOrDefault("quote_char", "\"")),
                options.getOrDefault("null_value", ""), options.getOrDefault("line_terminator", "\n"),
                Boolean.parseBoolean(options.getOrDefault("include_bom", "false")));
    }

    public CsvWriteOptions withSeparator(char newSeparator) {
        return new CsvWriteOptions(includeHeader, (byte) newSeparator, quote, nullValue, lineTerminator, includeBom);
    }

    public CsvWriteOptions withHeader(boolean header) {
        return new CsvWriteOptions(header, separator, quote, nullValue, lineTerminator, includeBom);
    }

    public CsvWriteOptions withNullValue(String value) {
        return new CsvWriteOptions(includeHeader, separator, quote, value, lineTerminator, includeBom);
    }

    private static byte single(String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != 1) {
            throw FloeException.invalidArgument("CSV option " + name + " must be one ASCII character, got '"
                    + value + "'");
        }
        return bytes[0];
    }
}
