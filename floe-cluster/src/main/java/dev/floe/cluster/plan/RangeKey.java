package dev.floe.cluster.plan;

import java.util.Objects;

/** One key of a range exchange: a column of the rows, its direction and where its nulls go, as the sort reading them wants. */
public record RangeKey(String column, boolean descending, boolean nullsLast) {
    public RangeKey {
        Objects.requireNonNull(column, "column");
    }
}
