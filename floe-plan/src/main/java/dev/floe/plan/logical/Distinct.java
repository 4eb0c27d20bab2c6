package dev.floe.plan.logical;

import dev.floe.core.types.Schema;
import java.util.List;
import java.util.Objects;

/** {@code unique}: one row per distinct value of {@code subset} ({@code null}: all columns). */
public record Distinct(LogicalPlan input, List<String> subset, UniqueKeep keep, boolean maintainOrder)
        implements LogicalPlan {
    public Distinct {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(keep, "keep");
        if (subset != null) {
            subset = List.copyOf(subset);
            input.schema().select(subset);
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
        return new Distinct(inputs.getFirst(), subset, keep, maintainOrder);
    }
}
