package dev.floe;

import java.util.Map;
import java.util.TreeMap;

/**
 * Options of a scan by their Polars names ({@code hive_partitioning}, {@code separator}, {@code has_header},
 * {@code include_file_paths}, ...): an immutable map, passed unchanged to the format's reader.
 */
public final class ScanOptions {
    private final Map<String, String> options;

    private ScanOptions(Map<String, String> options) {
        this.options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public static ScanOptions defaults() {
        return new ScanOptions(Map.of());
    }

    /** These options plus {@code name = value}. */
    public ScanOptions with(String name, Object value) {
        Map<String, String> copy = new TreeMap<>(options);
        copy.put(name, String.valueOf(value));
        return new ScanOptions(copy);
    }

    public ScanOptions hivePartitioning(boolean enabled) {
        return with("hive_partitioning", enabled);
    }

    /** CSV field separator. */
    public ScanOptions separator(char separator) {
        return with("separator", separator);
    }

    /** Whether the first CSV line names the columns. */
    public ScanOptions hasHeader(boolean hasHeader) {
        return with("has_header", hasHeader);
    }

    public Map<String, String> asMap() {
        return options;
    }

    @Override
    public String toString() {
        return "ScanOptions" + options;
    }
}
