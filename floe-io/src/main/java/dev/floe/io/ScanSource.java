package dev.floe.io;

import dev.floe.core.FloeException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a scan reads, as the user described it: the format, the paths (files, directories, globs, later
 * {@code s3://} URIs) and the format's options by name (for example {@code hive_partitioning},
 * {@code separator}, {@code has_header}). A plain serializable value: plans carry it to workers, and
 * {@link TableSources#open} turns it into a {@link TableSource}.
 */
public record ScanSource(FileFormat format, List<String> paths, Map<String, String> options) {
    public ScanSource {
        Objects.requireNonNull(format, "format");
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw FloeException.invalidArgument("a " + format + " scan needs at least one path");
        }
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** Prints the options with secret storage options hidden. */
    @Override
    public String toString() {
        return "ScanSource[format=" + format + ", paths=" + paths + ", options="
                + dev.floe.io.storage.StorageOptions.redact(options) + "]";
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public boolean flag(String name, boolean fallback) {
        String value = options.get(name);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }
}
