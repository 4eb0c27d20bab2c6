package dev.floe;

import java.util.List;

/**
 * How {@link LazyFrame#sort(List, SortOptions)} orders: per-key (or one for all keys) {@code descending} and
 * {@code nullsLast} flags, and whether equal rows keep their order.
 */
public record SortOptions(List<Boolean> descending, List<Boolean> nullsLast, boolean maintainOrder) {
    public SortOptions {
        descending = List.copyOf(descending);
        nullsLast = List.copyOf(nullsLast);
    }

    /** Ascending, nulls first, not stable: Polars' defaults. */
    public static SortOptions defaults() {
        return new SortOptions(List.of(false), List.of(false), false);
    }

    public SortOptions withDescending(boolean... flags) {
        return new SortOptions(toList(flags), nullsLast, maintainOrder);
    }

    public SortOptions withNullsLast(boolean... flags) {
        return new SortOptions(descending, toList(flags), maintainOrder);
    }

    public SortOptions withMaintainOrder(boolean maintain) {
        return new SortOptions(descending, nullsLast, maintain);
    }

    private static List<Boolean> toList(boolean... flags) {
        Boolean[] boxed = new Boolean[flags.length];
        for (int i = 0; i < flags.length; i++) {
            boxed[i] = flags[i];
        }
        return List.of(boxed);
    }
}
