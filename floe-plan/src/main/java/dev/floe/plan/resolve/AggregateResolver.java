package dev.floe.plan.resolve;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.explain.ExprFormat;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.AggregateFunction;

/**
 * Result types of aggregations, as Polars: sum keeps Int32/Int64/UInt32/UInt64/floats/decimals, widens Int8,
 * Int16, UInt8, UInt16 to Int64 and counts Booleans as UInt32 (the resolver casts the input so the executor sums
 * in the result type); mean, median, std, var and quantile give Float64 (Float32 for Float32 input); count, len and
 * n_unique give UInt32; min, max, first and last keep the input type.
 */
final class AggregateResolver {
    private AggregateResolver() {
    }

    static LogicalExpr.Aggregate resolve(Expr.Aggregation written, LogicalExpr input) {
        AggregateFunction function = written.function();
        if (input == null) {
            return new LogicalExpr.Aggregate(function, null, DataType.UINT32);
        }
        DataType type = input.type();
        return switch (function) {
            case AggregateFunction.Len f -> new LogicalExpr.Aggregate(function, input, DataType.UINT32);
            case AggregateFunction.Count f -> new LogicalExpr.Aggregate(function, input, DataType.UINT32);
            case AggregateFunction.NUnique f -> new LogicalExpr.Aggregate(function, input, DataType.UINT32);
            case AggregateFunction.Sum f -> {
                DataType result = sumType(type);
                if (result == null) {
                    throw numericNeeded(written, type);
                }
                yield new LogicalExpr.Aggregate(function, Operands.coerce(input, result, ExprFormat.format(written)),
                        result);
            }
            case AggregateFunction.Mean f -> statistic(written, input);
            case AggregateFunction.Median f -> statistic(written, input);
            case AggregateFunction.Std f -> statistic(written, input);
            case AggregateFunction.Var f -> statistic(written, input);
            case AggregateFunction.Quantile f -> statistic(written, input);
            case AggregateFunction.Min f -> ordered(written, input);
            case AggregateFunction.Max f -> ordered(written, input);
            case AggregateFunction.First f -> new LogicalExpr.Aggregate(function, input, type);
            case AggregateFunction.Last f -> new LogicalExpr.Aggregate(function, input, type);
        };
    }

    private static DataType sumType(DataType type) {
        return switch (type) {
            case DataType.BooleanType t -> DataType.UINT32;
            case DataType.Int8Type t -> DataType.INT64;
            case DataType.Int16Type t -> DataType.INT64;
            case DataType.UInt8Type t -> DataType.INT64;
            case DataType.UInt16Type t -> DataType.INT64;
            case DataType.NullType t -> DataType.INT64;
            case DataType.Int32Type _, DataType.Int64Type _, DataType.UInt32Type _, DataType.UInt64Type _,
                    DataType.Float32Type _, DataType.Float64Type _, DataType.DecimalType _, DataType.DurationType _ ->
                    type;
            case DataType.StringType _, DataType.BinaryType _, DataType.DateType _, DataType.TimeType _,
                    DataType.DatetimeType _, DataType.ListType _, DataType.StructType _ -> null;
        };
    }

    private static LogicalExpr.Aggregate statistic(Expr.Aggregation written, LogicalExpr input) {
        DataType type = input.type();
        if (!type.isNumeric() && !(type instanceof DataType.BooleanType) && !(type instanceof DataType.NullType)) {
            throw numericNeeded(written, type);
        }
        DataType result = type instanceof DataType.Float32Type ? DataType.FLOAT32 : DataType.FLOAT64;
        if (type instanceof DataType.DecimalType) {
            // Statistics of decimals are computed on their values as Float64, not on the unscaled integers.
            return new LogicalExpr.Aggregate(written.function(), new LogicalExpr.Cast(input, DataType.FLOAT64, false),
                    result);
        }
        return new LogicalExpr.Aggregate(written.function(), input, result);
    }

    private static LogicalExpr.Aggregate ordered(Expr.Aggregation written, LogicalExpr input) {
        if (input.type().isNested()) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, ExprFormat.format(written) + " needs orderable values,"
                    + " got " + input.type());
        }
        return new LogicalExpr.Aggregate(written.function(), input, input.type());
    }

    private static FloeException numericNeeded(Expr.Aggregation written, DataType type) {
        return new FloeException(ErrorCode.TYPE_MISMATCH, ExprFormat.format(written) + " needs a numeric input, got "
                + type);
    }
}
