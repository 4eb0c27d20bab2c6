package dev.floe.exec.hash;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import java.util.List;

/**
 * Assigns dense group ids (0, 1, 2, ... in order of first appearance) to distinct key tuples; null is a key
 * value like any other. One table per thread; partial tables merge into one. After building, {@link #find} may
 * be called from many threads at once.
 */
public interface GroupTable {
    /** Group ids of rows {@code [0, n)} of the key columns, inserting new keys. */
    int[] groupIds(List<Vector> keys, int n);

    /** The group of each row, or -1 when the key is absent (or, when {@code nullsMatch} is false, has a null). */
    int[] find(List<Vector> keys, int n, boolean nullsMatch);

    int groupCount();

    /** The key columns, one row per group in group-id order. */
    List<Vector> keyColumns();

    /** Inserts every key of {@code other} (a table of the same key types); returns other's group id -> this one's. */
    int[] mergeFrom(GroupTable other);

    /**
     * The fastest table for these key types: primitive ones for one or two integer-like keys, an in-place one for
     * one string key, per-column tables folded by id for a few keys with strings, row-encoded otherwise.
     */
    static GroupTable create(List<DataType> keyTypes) {
        if (keyTypes.size() == 1 && LongGroupTable.supports(keyTypes.getFirst())) {
            return new LongGroupTable(keyTypes.getFirst());
        }
        if (keyTypes.size() == 1 && BytesGroupTable.supports(keyTypes.getFirst())) {
            return new BytesGroupTable(keyTypes.getFirst());
        }
        if (keyTypes.size() == 2 && LongGroupTable.supports(keyTypes.get(0))
                && LongGroupTable.supports(keyTypes.get(1))) {
            return new LongPairGroupTable(keyTypes.get(0), keyTypes.get(1));
        }
        if (CompositeGroupTable.supports(keyTypes)) {
            return new CompositeGroupTable(keyTypes);
        }
        return new RowGroupTable(keyTypes);
    }
}
