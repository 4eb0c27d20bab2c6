package dev.floe.plan.logical;

import dev.floe.core.types.Schema;
import java.util.List;
import java.util.Objects;

/**
 * A subplan used more than once: every {@code Cache} with the same {@code id} has the same input, which the
 * executor computes once and shares (the optimizer's common subplan elimination inserts these).
 */
public record Cache(LogicalPlan input, int id) implements LogicalPlan {
    public Cache {
        Objects.requireNonNull(input, "input");
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 1);
        return new Cache(inputs.getFirst(), id);
    }
}
