package dev.floe.plan.logical;

import dev.floe.core.types.Schema;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import java.util.Objects;

/** Keeps the rows where {@code predicate} is true (null counts as false). */
public record Filter(LogicalPlan input, LogicalExpr predicate) implements LogicalPlan {
    public Filter {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(predicate, "predicate");
        PlanChecks.isBoolean(predicate, "filter");
        PlanChecks.columnsExist(predicate, input.schema(), "filter");
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
        return new Filter(inputs.getFirst(), predicate);
    }
}
