package dev.floe.exec.join;

import dev.floe.core.vector.Batch;
import dev.floe.exec.pipeline.StreamingOperator;

/** Cross join: every probe row paired with every build row, probe-row major. */
public record CrossJoinOperator(Batch build, JoinLayout layout) implements StreamingOperator {
    @Override
    public Batch apply(Batch probe) {
        int n = probe.rowCount();
        int m = build.rowCount();
        int count = Math.multiplyExact(n, m);
        int[] probeRows = new int[count];
        int[] buildRows = new int[count];
        int out = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                probeRows[out] = i;
                buildRows[out++] = j;
            }
        }
        return layout.assemble(probe, probeRows, build, buildRows, count);
    }
}
