package dev.floe.exec.join;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.pipeline.StreamingOperator;
import java.util.List;

/**
 * The probe of a semi or anti join whose hash table is built on the (small) left input while the (large) right
 * input streams through: it only flags the left key groups some right row matches and emits nothing, so the
 * right input is never materialized. Flags are only ever set to true (idempotent byte writes), so it runs in
 * parallel over right morsels; the flags are read once the right input is drained.
 */
public final class MatchMarkingProbe implements StreamingOperator {
    private final List<Evaluator> probeKeys;
    private final JoinHashTable table;
    private final boolean[] matchedGroups;
    private final Batch empty;

    /**
     * @param probeKeys the right keys, compiled against the right input
     * @param table the hash table over the left keys
     * @param matchedGroups one flag per group of {@code table}, set when a right row has that group's key
     * @param rightSchema the right input's schema
     */
    public MatchMarkingProbe(List<Evaluator> probeKeys, JoinHashTable table, boolean[] matchedGroups,
            Schema rightSchema) {
        this.probeKeys = List.copyOf(probeKeys);
        this.table = table;
        this.matchedGroups = matchedGroups;
        this.empty = Batch.empty(rightSchema);
    }

    @Override
    public Batch apply(Batch probe) {
        int n = probe.rowCount();
        if (n == 0) {
            return empty;
        }
        int[] groups = table.find(probeKeys, probe);
        boolean[] matched = matchedGroups;
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            if (g >= 0) {
                matched[g] = true;
            }
        }
        return empty;
    }

    /** The left rows (in order) that a right row matched ({@code semi}) or that none matched (anti). */
    public static int[] selectedRows(JoinHashTable table, boolean[] matchedGroups, int leftRows, boolean semi) {
        boolean[] matchedRows = new boolean[leftRows];
        for (int g = 0; g < matchedGroups.length; g++) {
            if (matchedGroups[g]) {
                for (int m = table.start(g); m < table.end(g); m++) {
                    matchedRows[table.row(m)] = true;
                }
            }
        }
        int[] rows = new int[leftRows];
        int out = 0;
        for (int i = 0; i < leftRows; i++) {
            if (matchedRows[i] == semi) {
                rows[out++] = i;
            }
        }
        return out == leftRows ? rows : java.util.Arrays.copyOf(rows, out);
    }
}
