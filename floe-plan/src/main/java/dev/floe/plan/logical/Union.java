package dev.floe.plan.logical;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import java.util.List;

/** {@code concat}: the rows of every input in order; all inputs have the same schema. */
public record Union(List<LogicalPlan> inputs) implements LogicalPlan {
    public Union {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw FloeException.invalidArgument("concat needs at least one frame");
        }
        Schema first = inputs.getFirst().schema();
        for (LogicalPlan input : inputs) {
            if (!input.schema().equals(first)) {
                throw new FloeException(ErrorCode.SCHEMA_MISMATCH, "concat needs frames with the same schema; got "
                        + first + " and " + input.schema());
            }
        }
    }

    @Override
    public Schema schema() {
        return inputs.getFirst().schema();
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> newInputs) {
        PlanChecks.arity(this, newInputs, inputs.size());
        return new Union(newInputs);
    }
}
