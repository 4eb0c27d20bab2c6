package dev.floe.exec.hash;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Group table for a few keys of which some are strings (q1's return flag and line status, q7's two nation names
 * and year): each key column gets its own one-key table (small: few distinct values per column), and the tuple
 * of per-column ids is folded left to right through integer pair tables, so no row is encoded into bytes.
 * {@code pairs[j]} groups (id of keys 0..j, id of key j+1); the last pair table's ids are the group ids. While
 * both sides of a fold have few ids, a {@link DirectPairs} grid answers known pairs by one array read.
 */
final class CompositeGroupTable implements GroupTable {
    /** More keys than this go to the row-encoded table (one hash per row beats many small lookups). */
    static final int MAX_KEYS = 4;

    private final GroupTable[] columns;
    private final LongPairGroupTable[] pairs;
    private final DirectPairs[] direct;

    CompositeGroupTable(List<DataType> keyTypes) {
        columns = new GroupTable[keyTypes.size()];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = GroupTable.create(List.of(keyTypes.get(j)));
        }
        pairs = new LongPairGroupTable[columns.length - 1];
        for (int j = 0; j < pairs.length; j++) {
            pairs[j] = new LongPairGroupTable(DataType.INT64, DataType.INT64);
        }
        direct = new DirectPairs[pairs.length];
        for (int j = 0; j < direct.length; j++) {
            direct[j] = new DirectPairs();
        }
    }

    /** Two to {@link #MAX_KEYS} keys, at least one a string, each one a one-key table handles. */
    static boolean supports(List<DataType> keyTypes) {
        if (keyTypes.size() < 2 || keyTypes.size() > MAX_KEYS) {
            return false;
        }
        boolean anyBytes = false;
        for (DataType type : keyTypes) {
            boolean bytes = BytesGroupTable.supports(type);
            if (!bytes && !LongGroupTable.supports(type)) {
                return false;
            }
            anyBytes |= bytes;
        }
        return anyBytes;
    }

    @Override
    public int[] groupIds(List<Vector> keys, int n) {
        int[] ids = columns[0].groupIds(List.of(keys.getFirst()), n);
        for (int j = 1; j < columns.length; j++) {
            int[] column = columns[j].groupIds(List.of(keys.get(j)), n);
            ids = fold(j - 1, ids, column, n);
        }
        return ids;
    }

    /** The ids of pair table {@code level} for the (left id, right id) of each row, inserting new pairs. */
    private int[] fold(int level, int[] left, int[] right, int n) {
        int leftCount = level == 0 ? columns[0].groupCount() : pairs[level - 1].groupCount();
        int rightCount = columns[level + 1].groupCount();
        LongPairGroupTable table = pairs[level];
        DirectPairs grid = direct[level];
        if (!grid.covers(leftCount, rightCount, table)) {
            return table.groupIds(List.of(ids(left, n), ids(right, n)), n);
        }
        int[] out = new int[n];
        int misses = grid.lookup(left, right, n, out);
        if (misses > 0) {
            int[] missed = new int[misses];
            long[] missedLeft = new long[misses];
            long[] missedRight = new long[misses];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (out[i] < 0) {
                    missed[m] = i;
                    missedLeft[m] = left[i];
                    missedRight[m++] = right[i];
                }
            }
            int[] created = table.groupIds(List.of(new LongVector(DataType.INT64, missedLeft, null, misses),
                    new LongVector(DataType.INT64, missedRight, null, misses)), misses);
            for (int k = 0; k < misses; k++) {
                out[missed[k]] = created[k];
                grid.put((int) missedLeft[k], (int) missedRight[k], created[k]);
            }
        }
        return out;
    }

    @Override
    public int[] find(List<Vector> keys, int n, boolean nullsMatch) {
        int[] ids = columns[0].find(List.of(keys.getFirst()), n, nullsMatch);
        for (int j = 1; j < columns.length; j++) {
            int[] column = columns[j].find(List.of(keys.get(j)), n, nullsMatch);
            // -1 (absent) is never a key of a pair table, so it stays -1.
            ids = pairs[j - 1].find(List.of(ids(ids, n), ids(column, n)), n, true);
        }
        return ids;
    }

    private static Vector ids(int[] ids, int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = ids[i];
        }
        return new LongVector(DataType.INT64, values, null, n);
    }

    @Override
    public int groupCount() {
        return pairs[pairs.length - 1].groupCount();
    }

    @Override
    public List<Vector> keyColumns() {
        int count = groupCount();
        int[][] columnIds = new int[columns.length][];
        int[] prefix = new int[count];
        for (int g = 0; g < count; g++) {
            prefix[g] = g;
        }
        for (int j = columns.length - 1; j >= 1; j--) {
            List<Vector> pairKeys = pairs[j - 1].keyColumns();
            long[] first = ((LongVector) pairKeys.get(0)).values();
            long[] second = ((LongVector) pairKeys.get(1)).values();
            int[] column = new int[count];
            for (int g = 0; g < count; g++) {
                column[g] = (int) second[prefix[g]];
                prefix[g] = (int) first[prefix[g]];
            }
            columnIds[j] = column;
        }
        columnIds[0] = prefix;
        List<Vector> out = new ArrayList<>(columns.length);
        for (int j = 0; j < columns.length; j++) {
            out.add(columns[j].keyColumns().getFirst().take(columnIds[j], count));
        }
        return out;
    }

    @Override
    public int[] mergeFrom(GroupTable other) {
        CompositeGroupTable that = (CompositeGroupTable) other;
        int[] prefixMap = columns[0].mergeFrom(that.columns[0]);
        for (int j = 1; j < columns.length; j++) {
            int[] columnMap = columns[j].mergeFrom(that.columns[j]);
            List<Vector> pairKeys = that.pairs[j - 1].keyColumns();
            long[] first = ((LongVector) pairKeys.get(0)).values();
            long[] second = ((LongVector) pairKeys.get(1)).values();
            int m = that.pairs[j - 1].groupCount();
            long[] mappedFirst = new long[m];
            long[] mappedSecond = new long[m];
            for (int g = 0; g < m; g++) {
                mappedFirst[g] = prefixMap[(int) first[g]];
                mappedSecond[g] = columnMap[(int) second[g]];
            }
            prefixMap = pairs[j - 1].groupIds(List.of(new LongVector(DataType.INT64, mappedFirst, null, m),
                    new LongVector(DataType.INT64, mappedSecond, null, m)), m);
        }
        return prefixMap;
    }
}
