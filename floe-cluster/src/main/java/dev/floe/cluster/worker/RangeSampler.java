package dev.floe.cluster.worker;

import dev.floe.cluster.plan.RangeBounds;
import dev.floe.cluster.plan.RangeKey;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.InMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the key sample a task reports below a distributed sort: up to {@link #SAMPLE_ROWS} rows spread evenly
 * over the task's output, key columns only, encoded as an in-memory plan for the coordinator.
 */
final class RangeSampler {
    static final int SAMPLE_ROWS = 1000;

    private RangeSampler() {
    }

    static byte[] sample(Schema schema, List<Batch> batches, List<RangeKey> keys) {
        Schema keySchema = RangeBounds.keySchema(schema, keys);
        long total = 0;
        for (Batch batch : batches) {
            total += batch.rowCount();
        }
        List<Batch> sampled = new ArrayList<>();
        long wanted = Math.min(SAMPLE_ROWS, total);
        long next = 0;
        long taken = 0;
        long offset = 0;
        for (Batch batch : batches) {
            int rows = batch.rowCount();
            int[] selection = new int[rows];
            int count = 0;
            while (taken < wanted) {
                long position = next * total / wanted;
                if (position >= offset + rows) {
                    break;
                }
                selection[count++] = (int) (position - offset);
                next++;
                taken++;
            }
            if (count > 0) {
                sampled.add(RangeBounds.project(batch, keySchema).take(selection, count));
            }
            offset += rows;
        }
        return PlanCodec.encode(new InMemory(keySchema, sampled));
    }
}
