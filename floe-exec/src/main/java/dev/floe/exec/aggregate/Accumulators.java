package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.QuantileMethod;

/** Makes the accumulator of an aggregate function for its input type and the output type the resolver recorded. */
public final class Accumulators {
    private Accumulators() {
    }

    public static Accumulator create(AggregateFunction function, DataType inputType, DataType outputType) {
        return switch (function) {
            case AggregateFunction.Sum f -> new SumAccumulator(outputType);
            case AggregateFunction.Mean f -> new MeanAccumulator(outputType);
            case AggregateFunction.Var f -> new MomentsAccumulator(MomentsAccumulator.Kind.VAR, f.ddof(), outputType);
            case AggregateFunction.Std f -> new MomentsAccumulator(MomentsAccumulator.Kind.STD, f.ddof(), outputType);
            case AggregateFunction.Min f -> MinMaxAccumulator.create(outputType, false);
            case AggregateFunction.Max f -> MinMaxAccumulator.create(outputType, true);
            case AggregateFunction.Count f -> new CountAccumulator(outputType, false);
            case AggregateFunction.Len f -> new CountAccumulator(outputType, true);
            case AggregateFunction.NUnique f -> new DistinctCountAccumulator(outputType);
            case AggregateFunction.First f -> new PositionalAccumulator(outputType, false);
            case AggregateFunction.Last f -> new PositionalAccumulator(outputType, true);
            case AggregateFunction.Median f -> new QuantileAccumulator(0.5, QuantileMethod.LINEAR, outputType);
            case AggregateFunction.Quantile f -> new QuantileAccumulator(f.quantile(), f.method(), outputType);
        };
    }
}
