package dev.floe.io.csv;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.io.ScanSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV reader's options, parsed from {@link ScanSource#options()} by Polars' names: {@code has_header}
 * (true), {@code separator} (","), {@code quote_char} ("\""; empty for no quoting), {@code null_values}
 * (comma-separated texts read as null; an empty unquoted field is always null), {@code skip_rows} (0),
 * {@code infer_schema_length} (100 records; 0 reads every column as String; "all" scans the whole first
 * file), {@code schema_overrides} (see {@link CsvTypeNames}), {@code try_parse_dates} (false),
 * {@code encoding} (utf8: invalid UTF-8 in a String column is an error; utf8-lossy: it becomes U+FFFD; a
 * leading BOM is skipped), {@code n_rows} (at most this many rows per
 * scan task; set it together with a limit), {@code include_file_paths} (name of a String column holding each
 * row's file).
 */
public record CsvOptions(boolean hasHeader, byte separator, int quote, List<byte[]> nullValues, long skipRows,
        long inferSchemaLength, Map<String, DataType> schemaOverrides, boolean tryParseDates, long maxRows,
        String filePathColumn, boolean lossyUtf8) {
    public static final long INFER_ALL = Long.MAX_VALUE;
    /** {@code quote} value meaning "no quote character". */
    public static final int NO_QUOTE = Integer.MIN_VALUE;

    public CsvOptions {
        nullValues = List.copyOf(nullValues);
        schemaOverrides = Map.copyOf(schemaOverrides);
    }

    public static CsvOptions from(ScanSource source) {
        return from(source.options());
    }

    public static CsvOptions from(Map<String, String> options) {
        boolean hasHeader = Boolean.parseBoolean(options.getOrDefault("has_header", "true"));
        byte separator = singleByte("separator", options.getOrDefault("separator", ","));
        String quoteText = options.getOrDefault("quote_char", "\"");
        int quote = quoteText.isEmpty() ? NO_QUOTE : singleByte("quote_char", quoteText);
        List<byte[]> nulls = new ArrayList<>();
        String nullText = options.get("null_values");
        if (nullText != null && !nullText.isEmpty()) {
            for (String value : nullText.split(",", -1)) {
                nulls.add(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        long skipRows = number(options, "skip_rows", 0);
        String inferText = options.getOrDefault("infer_schema_length", "100").trim().toLowerCase(Locale.ROOT);
        long infer = inferText.equals("all") || inferText.equals("none") ? INFER_ALL
                : number(options, "infer_schema_length", 100);
        Map<String, DataType> overrides = CsvTypeNames.parseOverrides(options.get("schema_overrides"));
        boolean tryParseDates = Boolean.parseBoolean(options.getOrDefault("try_parse_dates", "false"));
        String encoding = options.getOrDefault("encoding", "utf8").toLowerCase(Locale.ROOT).replace("-", "");
        if (!encoding.equals("utf8") && !encoding.equals("utf8lossy")) {
            throw FloeException.invalidArgument("CSV encoding '" + options.get("encoding")
                    + "' is not supported; use utf8 or utf8-lossy");
        }
        long maxRows = options.containsKey("n_rows") ? number(options, "n_rows", -1) : -1;
        String pathColumn = options.get(ConstantColumns.INCLUDE_FILE_PATHS);
        return new CsvOptions(hasHeader, separator, quote, nulls, skipRows, infer, overrides, tryParseDates, maxRows,
                pathColumn == null || pathColumn.isEmpty() ? null : pathColumn, encoding.equals("utf8lossy"));
    }

    private static byte singleByte(String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != 1 || bytes[0] == '\n' || bytes[0] == '\r') {
            throw FloeException.invalidArgument("CSV option " + name + " must be a single ASCII character other "
                    + "than a line break, got '" + value + "'");
        }
        return bytes[0];
    }

    private static long number(Map<String, String> options, String name, long fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw FloeException.invalidArgument("CSV option " + name + " must not be negative, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument("CSV option " + name + " must be a whole number, got '" + value + "'");
        }
    }
}
