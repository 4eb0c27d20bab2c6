package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import dev.floe.io.ScanSource;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a key-range split ({@link KeyRangeSplit}): partition {@code i} of a scan of {@code source} holds
 * the rows whose {@code column} lies in {@code [boundaries[i-1], boundaries[i])}. Two parts split by equal key
 * ranges hold every value of the key in the same partition, so they join or aggregate on it with no exchange.
 */
public record KeyRanges(ScanSource source, String column, List<Long> boundaries) {
    public KeyRanges {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(column, "column");
        boundaries = List.copyOf(boundaries);
        if (boundaries.isEmpty()) {
            throw FloeException.internal("a key-range split needs at least one boundary");
        }
        for (int i = 1; i < boundaries.size(); i++) {
            if (boundaries.get(i - 1) >= boundaries.get(i)) {
                throw FloeException.internal("key-range boundaries must increase: " + boundaries);
            }
        }
    }

    /** The number of partitions: one more than the boundaries. */
    public int partitions() {
        return boundaries.size() + 1;
    }

    /** How explain shows the split: {@code l_orderkey ranges: 1000, 2000}. */
    public String describe() {
        return column + " ranges at " + boundaries.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
