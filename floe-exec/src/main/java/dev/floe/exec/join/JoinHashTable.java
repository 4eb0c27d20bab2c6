package dev.floe.exec.join;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.hash.GroupTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The build side of a hash join: distinct keys in a {@link GroupTable} and, per key, the build rows in input
 * order (compressed: {@code rows[starts[g] .. starts[g + 1])}). Read-only once built, so probes run in parallel.
 * When every build row has its own non-null key (the usual primary-key build side) row {@code i} is group
 * {@code i}, and the row lists are not stored at all.
 */
public final class JoinHashTable {
    private final GroupTable table;
    /** Null when row {@code i} is group {@code i} for every row (then {@link #rows} is null too). */
    private final int[] starts;
    private final int[] rows;
    private final boolean unique;

    public JoinHashTable(List<Vector> keys, List<DataType> keyTypes, int n) {
        this.table = GroupTable.create(keyTypes);
        int[] groups = table.groupIds(keys, n);
        int groupCount = table.groupCount();
        boolean[] nullKey = nullKeyGroups(keys, groups, n, groupCount);
        if (nullKey == null && groupCount == n && eachRowItsGroup(groups, n)) {
            starts = null;
            rows = null;
            unique = true;
            return;
        }
        if (nullKey == null) {
            nullKey = new boolean[groupCount];
        }
        starts = groupStarts(groups, nullKey, n, groupCount);
        rows = rowsByGroup(groups, nullKey, n, starts);
        unique = atMostOneRowPerGroup(starts, groupCount);
    }

    /*
     * The row loops of the constructor, outside it: the constructor runs once per build side, so a loop inside it
     * made C2 compile it on stack replacement with the group table it calls inlined, and again after each
     * deoptimization by another key type (each worker JVM paid this on its own).
     */

    /** Where each group's rows start in {@link #rows} (null-key groups get none); one more entry for the end. */
    private static int[] groupStarts(int[] groups, boolean[] nullKey, int n, int groupCount) {
        int[] starts = new int[groupCount + 1];
        for (int i = 0; i < n; i++) {
            if (!nullKey[groups[i]]) {
                starts[groups[i] + 1]++;
            }
        }
        for (int g = 0; g < groupCount; g++) {
            starts[g + 1] += starts[g];
        }
        return starts;
    }

    /** The build rows grouped by key, in row order within a group. */
    private static int[] rowsByGroup(int[] groups, boolean[] nullKey, int n, int[] starts) {
        int[] rows = new int[starts[starts.length - 1]];
        int[] fill = java.util.Arrays.copyOf(starts, starts.length - 1);
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            if (!nullKey[g]) {
                rows[fill[g]++] = i;
            }
        }
        return rows;
    }

    private static boolean eachRowItsGroup(int[] groups, int n) {
        for (int i = 0; i < n; i++) {
            if (groups[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static boolean atMostOneRowPerGroup(int[] starts, int groupCount) {
        for (int g = 0; g < groupCount; g++) {
            if (starts[g + 1] - starts[g] > 1) {
                return false;
            }
        }
        return true;
    }

    /** Whether every key has exactly one build row (then {@link #uniqueRow} gives it directly). */
    public boolean unique() {
        return unique;
    }

    /** The only build row of a group of a {@link #unique} table. */
    public int uniqueRow(int group) {
        return starts == null ? group : rows[starts[group]];
    }

    /** Groups whose key tuple has a null (they never match); null when no key is null. */
    private static boolean[] nullKeyGroups(List<Vector> keys, int[] groups, int n, int groupCount) {
        boolean[] nullKey = null;
        for (Vector key : keys) {
            if (key.validity() == null) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (key.isNull(i)) {
                    if (nullKey == null) {
                        nullKey = new boolean[groupCount];
                    }
                    nullKey[groups[i]] = true;
                }
            }
        }
        return nullKey;
    }

    /** The group of each probe row, or -1 when no build row has its key (null keys never match). */
    public int[] find(List<Vector> probeKeys, int n) {
        return table.find(probeKeys, n, false);
    }

    /** The group of each row of {@code probe}, its keys computed by {@code probeKeys}, or -1 as in {@link #find}. */
    public int[] find(List<Evaluator> probeKeys, Batch probe) {
        List<Vector> keys = new ArrayList<>(probeKeys.size());
        for (Evaluator key : probeKeys) {
            keys.add(key.evaluate(probe));
        }
        return find(keys, probe.rowCount());
    }

    /** A rough count of the heap bytes the table holds: its row lists and its key table. */
    public long estimatedBytes() {
        return starts == null ? 24L * table.groupCount()
                : 4L * (starts.length + rows.length) + 24L * table.groupCount();
    }

    public int start(int group) {
        return starts == null ? group : starts[group];
    }

    public int end(int group) {
        return starts == null ? group + 1 : starts[group + 1];
    }

    public int row(int index) {
        return rows == null ? index : rows[index];
    }
}
