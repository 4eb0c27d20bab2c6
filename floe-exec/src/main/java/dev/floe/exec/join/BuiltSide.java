package dev.floe.exec.join;

import dev.floe.core.vector.Batch;
import java.util.Objects;

/**
 * The materialized build side of a hash join: its rows as one batch and the hash table over its keys. Both are
 * immutable once built (per-probe state such as matched flags lives with each probe), so several tasks may probe
 * one {@code BuiltSide} at once.
 */
public record BuiltSide(Batch rows, JoinHashTable table) {
    public BuiltSide {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(table, "table");
    }

    /** A rough count of the heap bytes the rows and the table hold, to bound what a cache keeps. */
    public long estimatedBytes() {
        return table.estimatedBytes() + rows.estimatedBytes();
    }
}
