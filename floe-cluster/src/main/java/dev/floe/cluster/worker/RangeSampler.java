package dev.floe.cluster.worker;

import dev.floe.cluster.plan.RangeBounds;
import dev.floe.cluster.plan.RangeKey;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.InMemory;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
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
        long total = 0;
        for (Batch batch : batches) {
            total += batch.rowCount();
        }
        Stride stride = new Stride(RangeBounds.keySchema(schema, keys), total);
        batches.forEach(stride::accept);
        return stride.encode();
    }

    /** Samples a task's output already written to the Arrow IPC file {@code file}, of {@code total} rows. */
    static byte[] sampleFile(Path file, Schema schema, long total, List<RangeKey> keys) {
        Stride stride = new Stride(RangeBounds.keySchema(schema, keys), total);
        TableSource source = TableSources.open(new ScanSource(FileFormat.IPC, List.of(file.toString()), Map.of()));
        for (ScanTask task : source.plan(ScanRequest.all())) {
            try (BatchReader reader = source.open(task, ScanRequest.all())) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    stride.accept(batch);
                }
            }
        }
        return stride.encode();
    }

    /** Picks rows {@code i * total / wanted} of the rows seen in order, key columns only. */
    private static final class Stride {
        private final Schema keySchema;
        private final long total;
        private final long wanted;
        private final List<Batch> sampled = new ArrayList<>();
        private long next;
        private long offset;

        Stride(Schema keySchema, long total) {
            this.keySchema = keySchema;
            this.total = total;
            this.wanted = Math.min(SAMPLE_ROWS, total);
        }

        void accept(Batch batch) {
            int rows = batch.rowCount();
            int[] selection = new int[Math.min(rows, SAMPLE_ROWS)];
            int count = 0;
            while (next < wanted && count < selection.length) {
                long position = next * total / wanted;
                if (position >= offset + rows) {
                    break;
                }
                selection[count++] = (int) (position - offset);
                next++;
            }
            if (count > 0) {
                sampled.add(RangeBounds.project(batch, keySchema).take(selection, count));
            }
            offset += rows;
        }

        byte[] encode() {
            return PlanCodec.encode(new InMemory(keySchema, sampled));
        }
    }
}
