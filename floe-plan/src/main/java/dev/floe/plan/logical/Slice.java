package dev.floe.plan.logical;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import java.util.List;
import java.util.Objects;

/**
 * Rows {@code [offset, offset + length)}; a negative offset counts from the end ({@code tail(n)} is offset
 * {@code -n}). {@code head(n)}/{@code limit(n)} is offset 0, length n.
 */
public record Slice(LogicalPlan input, long offset, long length) implements LogicalPlan {
    public Slice {
        Objects.requireNonNull(input, "input");
        if (length < 0) {
            throw FloeException.invalidArgument("slice length must be >= 0, got " + length);
        }
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
        return new Slice(inputs.getFirst(), offset, length);
    }
}
