package dev.floe.exec.join;

import dev.floe.core.vector.Batch;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.pipeline.StreamingOperator;
import java.util.List;

/**
 * The probe side of a hash join, a streaming operator run in parallel over probe morsels. {@code INNER} emits
 * matching pairs, {@code OUTER} also probe rows without a match (build side null), {@code SEMI}/{@code ANTI}
 * the probe rows with/without a match. Matched build rows are flagged for full joins.
 */
public final class HashJoinProbe implements StreamingOperator {
    /** What the probe emits. */
    public enum Mode { INNER, OUTER, SEMI, ANTI }

    private final Mode mode;
    private final List<Evaluator> probeKeys;
    private final JoinHashTable table;
    private final Batch build;
    private final JoinLayout layout;
    private final boolean[] matchedBuildRows;

    public HashJoinProbe(Mode mode, List<Evaluator> probeKeys, JoinHashTable table, Batch build, JoinLayout layout,
            boolean[] matchedBuildRows) {
        this.mode = mode;
        this.probeKeys = List.copyOf(probeKeys);
        this.table = table;
        this.build = build;
        this.layout = layout;
        this.matchedBuildRows = matchedBuildRows;
    }

    @Override
    public Batch apply(Batch probe) {
        int n = probe.rowCount();
        int[] groups = table.find(probeKeys, probe);
        if (mode == Mode.SEMI || mode == Mode.ANTI) {
            int[] rows = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if ((groups[i] >= 0) == (mode == Mode.SEMI)) {
                    rows[count++] = i;
                }
            }
            return count == n ? probe.withSchema(layout.schema()) : probe.take(rows, count).withSchema(layout.schema());
        }
        if (table.unique() && matchedBuildRows == null) {
            return uniqueBuild(probe, groups, n);
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            int matches = g < 0 ? 0 : table.end(g) - table.start(g);
            total += mode == Mode.OUTER ? Math.max(1, matches) : matches;
        }
        int count = Math.toIntExact(total);
        int[] probeRows = new int[count];
        int[] buildRows = new int[count];
        int out = 0;
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            if (g < 0) {
                if (mode == Mode.OUTER) {
                    probeRows[out] = i;
                    buildRows[out++] = -1;
                }
                continue;
            }
            for (int m = table.start(g); m < table.end(g); m++) {
                int row = table.row(m);
                probeRows[out] = i;
                buildRows[out++] = row;
                if (matchedBuildRows != null) {
                    matchedBuildRows[row] = true;
                }
            }
        }
        return layout.assemble(probe, probeRows, build, buildRows, count);
    }

    /**
     * Every key has one build row: one output row per matching (inner) or every (outer) probe row. The index arrays
     * have the output's length (a selective join allocates little), and when every probe row is in the output the
     * probe's columns pass through without a copy.
     */
    private Batch uniqueBuild(Batch probe, int[] groups, int n) {
        boolean outer = mode == Mode.OUTER;
        int count = outer ? n : matchCount(groups, n);
        int[] buildRows = new int[count];
        if (count == n) {
            for (int i = 0; i < n; i++) {
                int g = groups[i];
                buildRows[i] = g >= 0 ? table.uniqueRow(g) : -1;
            }
            return layout.assembleEveryProbeRow(probe, build, buildRows, n);
        }
        int[] probeRows = new int[count];
        int out = 0;
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            if (g >= 0) {
                probeRows[out] = i;
                buildRows[out++] = table.uniqueRow(g);
            }
        }
        return layout.assemble(probe, probeRows, build, buildRows, count);
    }

    private static int matchCount(int[] groups, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += groups[i] >>> 31 ^ 1;
        }
        return count;
    }
}
