package dev.floe.exec.join;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Finishes a left join probed by {@link LeftBuildProbe}: orders the matched pairs by left row (a stable
 * counting sort, so a left row's matches keep the right input's order) and gives every unmatched left row one
 * output row with null right columns, which is the order a left join probed from the left produces.
 */
public final class LeftOrderAssembly {
    private final Schema schema;
    private final boolean[] fromLeft;
    private final int[] columns;

    /**
     * @param schema the join's output schema
     * @param fromLeft per output column, whether it is a left column (else a kept right column)
     * @param columns per output column, its index in the left input or in the pairs' kept right columns
     */
    public LeftOrderAssembly(Schema schema, boolean[] fromLeft, int[] columns) {
        this.schema = schema;
        this.fromLeft = fromLeft.clone();
        this.columns = columns.clone();
    }

    /** The join output from the left input and the probe's pair batches (in any order of batches). */
    public Batch assemble(Batch left, Schema pairSchema, List<Batch> pairBatches) {
        Batch pairs = Vectors.concatBatches(pairSchema, pairBatches);
        int pairCount = pairs.rowCount();
        int leftCount = left.rowCount();
        int[] leftOfPair = ((IntVector) pairs.column(pairs.columnCount() - 1)).values();
        int[] starts = new int[leftCount + 1];
        for (int p = 0; p < pairCount; p++) {
            starts[leftOfPair[p] + 1]++;
        }
        long total = 0;
        for (int r = 0; r < leftCount; r++) {
            total += Math.max(1, starts[r + 1]);
            starts[r + 1] += starts[r];
        }
        int[] sorted = new int[pairCount];
        int[] fill = java.util.Arrays.copyOf(starts, leftCount);
        for (int p = 0; p < pairCount; p++) {
            sorted[fill[leftOfPair[p]]++] = p;
        }
        int count = Math.toIntExact(total);
        int[] leftRows = new int[count];
        int[] pairRows = new int[count];
        int out = 0;
        for (int r = 0; r < leftCount; r++) {
            if (starts[r] == starts[r + 1]) {
                leftRows[out] = r;
                pairRows[out++] = -1;
                continue;
            }
            for (int s = starts[r]; s < starts[r + 1]; s++) {
                leftRows[out] = r;
                pairRows[out++] = sorted[s];
            }
        }
        List<Vector> outputColumns = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            outputColumns.add(fromLeft[i] ? left.column(columns[i]).take(leftRows, count)
                    : pairs.column(columns[i]).take(pairRows, count));
        }
        return new Batch(schema, outputColumns, count);
    }
}
