package dev.floe.plan.logical;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.util.List;
import java.util.Objects;

/** Data already in memory (a DataFrame made with {@code DataFrame.of} or a collected result). */
public record InMemory(Schema schema, List<Batch> batches) implements LogicalPlan {
    public InMemory {
        Objects.requireNonNull(schema, "schema");
        batches = List.copyOf(batches);
        for (Batch batch : batches) {
            if (!batch.schema().equals(schema)) {
                throw FloeException.internal("in-memory batch schema " + batch.schema() + " differs from " + schema);
            }
        }
    }

    public long rowCount() {
        long rows = 0;
        for (Batch batch : batches) {
            rows += batch.rowCount();
        }
        return rows;
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of();
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 0);
        return this;
    }
}
