package dev.floe.exec.join;

import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
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
        long bytes = table.estimatedBytes();
        for (Vector column : rows.columns()) {
            bytes += bytes(column);
        }
        return bytes;
    }

    private static long bytes(Vector vector) {
        long validity = vector.validity() == null ? 0 : 8L * vector.validity().length;
        long values = switch (vector) {
            case BooleanVector booleans -> booleans.values().length;
            case IntVector ints -> 4L * ints.values().length;
            case LongVector longs -> 8L * longs.values().length;
            case DoubleVector doubles -> 8L * doubles.values().length;
            case BytesVector strings -> 4L * strings.offsets().length + strings.data().length;
            case Int128Vector wide -> 8L * (wide.high().length + wide.low().length);
            case ListVector list -> 4L * list.offsets().length + bytes(list.elements());
            case StructVector struct -> struct.children().stream().mapToLong(BuiltSide::bytes).sum();
            case NullVector nulls -> 0;
        };
        return validity + values;
    }
}
