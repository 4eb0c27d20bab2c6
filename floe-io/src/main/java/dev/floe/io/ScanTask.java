package dev.floe.io;

import java.util.Map;
import java.util.Objects;

/**
 * One unit of scan work, the grain of parallelism locally and of partitioning across workers: a file, or a
 * range of its row groups (Parquet) or bytes (CSV). {@code start}/{@code length} are in the format's own unit.
 * {@code partitionValues} are hive partition values parsed from the path (as their string form; the
 * {@link TableSource}'s schema gives their types).
 */
public record ScanTask(String path, long start, long length, long estimatedRows, long estimatedBytes,
        Map<String, String> partitionValues) {
    public ScanTask {
        Objects.requireNonNull(path, "path");
        partitionValues = partitionValues == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(partitionValues));
    }

    public String describe() {
        return path + "[" + start + "+" + length + "]";
    }
}
