package dev.floe.io.parquet.write;

import dev.floe.core.FloeException;
import java.util.List;
import java.util.Map;

/**
 * {@code sink_parquet} options by name: {@code compression} (zstd, snappy, lz4, gzip, uncompressed),
 * {@code compression_level}, {@code row_group_size} (rows), {@code statistics} and {@code dictionary}
 * (true/false), and for a directory of files {@code partition_by} (comma-separated columns: hive
 * {@code key=value/} directories) or {@code files} (that many part files written in parallel). Unknown names
 * are an error listing the valid ones.
 */
public final class ParquetSinkOptions {
    public static final List<String> NAMES = List.of("compression", "compression_level", "row_group_size",
            "statistics", "dictionary", "partition_by", "files");

    private ParquetSinkOptions() {
    }

    public static ParquetWriteOptions parse(Map<String, String> options) {
        ParquetWriteOptions parsed = ParquetWriteOptions.defaults();
        for (Map.Entry<String, String> option : options.entrySet()) {
            String value = option.getValue();
            parsed = switch (option.getKey()) {
                case "compression" -> parsed.withCompression(ParquetCompression.parse(value));
                case "compression_level" -> parsed.withCompressionLevel(integer(option.getKey(), value));
                case "row_group_size" -> parsed.withRowGroupSize(integer(option.getKey(), value));
                case "statistics" -> parsed.withStatistics(bool(option.getKey(), value));
                case "dictionary" -> parsed.withDictionary(bool(option.getKey(), value));
                case "partition_by", "files" -> parsed;
                default -> {
                    if (option.getKey().startsWith("aws_") || option.getKey().equals("request_payer")) {
                        yield parsed;
                    }
                    throw FloeException.invalidArgument("unknown Parquet sink option '" + option.getKey()
                            + "'; valid options are " + NAMES);
                }
            };
        }
        return parsed;
    }

    /** The {@code partition_by} columns, or none. */
    public static List<String> partitionBy(Map<String, String> options) {
        String value = options.get("partition_by");
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    /** The {@code files} count: 1 (a single file) unless given. */
    public static int files(Map<String, String> options) {
        String value = options.get("files");
        if (value == null) {
            return 1;
        }
        int files = integer("files", value);
        if (files < 1) {
            throw FloeException.invalidArgument("Parquet option 'files' must be >= 1, got " + files);
        }
        return files;
    }

    /** Whether the sink writes a directory of files rather than one file. */
    public static boolean writesDirectory(Map<String, String> options) {
        return !partitionBy(options).isEmpty() || files(options) > 1;
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument("Parquet option '" + name + "' must be an integer, got '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw FloeException.invalidArgument("Parquet option '" + name + "' must be true or false, got '" + value + "'");
    }
}
