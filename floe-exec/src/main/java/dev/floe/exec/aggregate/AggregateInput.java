package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.exec.expr.Evaluator;
import dev.floe.plan.function.AggregateFunction;

/** One aggregate to compute per group: the function, its compiled input ({@code null} for len()) and output type. */
public record AggregateInput(AggregateFunction function, Evaluator input, DataType inputType, DataType outputType) {
    Accumulator newAccumulator() {
        return Accumulators.create(function, inputType, outputType);
    }
}
