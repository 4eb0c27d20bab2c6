package dev.floe.exec;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import java.util.List;
import java.util.Objects;

/** The result of running a plan locally: its schema and its rows as batches, in order. */
public record QueryOutput(Schema schema, List<Batch> batches) {
    public QueryOutput {
        Objects.requireNonNull(schema, "schema");
        batches = List.copyOf(batches);
    }

    public long rowCount() {
        long rows = 0;
        for (Batch batch : batches) {
            rows += batch.rowCount();
        }
        return rows;
    }

    /** Every row in one batch. */
    public Batch toSingleBatch() {
        return Vectors.concatBatches(schema, batches);
    }
}
