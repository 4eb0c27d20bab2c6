package dev.floe.exec.join;

import dev.floe.core.vector.Batch;
import dev.floe.exec.pipeline.StreamingOperator;

/** Cross join: every probe row paired with every build row, probe-row major. */
public record CrossJoinOperator(Batch build, JoinLayout layout) implements StreamingOperator {
    @Override
    public Batch apply(Batch probe) {
        int n = probe.rowCount();
        int m = build.rowCount();
        long product = (long) n * m;
        if (product > Integer.MAX_VALUE - 8) {
            throw new dev.floe.core.FloeException(dev.floe.core.ErrorCode.COMPUTE_ERROR, "a cross join of " + n
                    + " rows with " + m + " rows makes a batch of " + product + " rows, more than a batch can hold; "
                    + "use a smaller batch size or filter the inputs first");
        }
        int count = (int) product;
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
