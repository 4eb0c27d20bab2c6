package dev.floe.exec.pipeline;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Batches already in memory, cut into morsels of at most {@code batchSize} rows (slices, in order). */
public final class InMemorySource implements MorselSource {
    private final Schema schema;
    private final List<Batch> batches;
    private final int[] batchOf;
    private final int[] offsetOf;
    private final int batchSize;

    public InMemorySource(Schema schema, List<Batch> batches, int batchSize) {
        this.schema = schema;
        this.batches = List.copyOf(batches);
        this.batchSize = batchSize;
        List<int[]> morsels = new ArrayList<>();
        for (int b = 0; b < this.batches.size(); b++) {
            int rows = this.batches.get(b).rowCount();
            for (int offset = 0; offset < rows; offset += batchSize) {
                morsels.add(new int[] {b, offset});
            }
        }
        batchOf = new int[morsels.size()];
        offsetOf = new int[morsels.size()];
        for (int m = 0; m < morsels.size(); m++) {
            batchOf[m] = morsels.get(m)[0];
            offsetOf[m] = morsels.get(m)[1];
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int morselCount() {
        return batchOf.length;
    }

    @Override
    public void read(int morsel, Consumer<Batch> consumer) {
        Batch batch = batches.get(batchOf[morsel]);
        int offset = offsetOf[morsel];
        consumer.accept(batch.slice(offset, Math.min(batchSize, batch.rowCount() - offset)));
    }
}
