package dev.floe.io.dataset;

import java.util.Map;
import java.util.Objects;

/** One file of a dataset: its path, size in bytes, and hive partition values parsed from its path (decoded; null for the default partition). */
public record DataFile(String path, long size, Map<String, String> partitionValues) {
    public DataFile {
        Objects.requireNonNull(path, "path");
        partitionValues = partitionValues == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(partitionValues));
    }
}
