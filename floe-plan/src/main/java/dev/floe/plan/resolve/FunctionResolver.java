package dev.floe.plan.resolve;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.explain.ExprFormat;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.ScalarFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Type rules of row-wise functions: which input types each accepts, the casts of its arguments and its result
 * type (Polars': str.len_chars UInt32, dt.year Int32, dt.month/day/weekday/quarter Int8, dt.ordinal_day Int16,
 * sqrt Float64 or Float32 for Float32 input, abs/round/neg keep the type).
 */
final class FunctionResolver {
    private FunctionResolver() {
    }

    static LogicalExpr resolve(Expr.Function written, List<LogicalExpr> arguments) {
        String text = ExprFormat.format(written);
        ScalarFunction function = written.function();
        LogicalExpr input = arguments.getFirst();
        DataType type = input.type();
        return switch (function) {
            case ScalarFunction.IsNull f -> new LogicalExpr.Function(f, arguments, DataType.BOOLEAN);
            case ScalarFunction.IsNotNull f -> new LogicalExpr.Function(f, arguments, DataType.BOOLEAN);
            case ScalarFunction.FillNull f -> {
                DataType common = common(written, arguments, text);
                yield new LogicalExpr.Function(f, coerceAll(arguments, common, text), common);
            }
            case ScalarFunction.Not f -> {
                require(type instanceof DataType.BooleanType || type instanceof DataType.NullType, text, type,
                        "Boolean");
                yield new LogicalExpr.Function(f, List.of(Operands.coerce(input, DataType.BOOLEAN, text)),
                        DataType.BOOLEAN);
            }
            case ScalarFunction.Negate f -> {
                require(type.isNumeric() || type instanceof DataType.DurationType, text, type, "a numeric");
                yield new LogicalExpr.Function(f, arguments, type);
            }
            case ScalarFunction.IsIn isIn -> {
                List<Object> values = new ArrayList<>(isIn.values().size());
                for (Object value : isIn.values()) {
                    values.add(LiteralValues.convert(value, type, text));
                }
                yield new LogicalExpr.Function(new ScalarFunction.IsIn(values), arguments, DataType.BOOLEAN);
            }
            case ScalarFunction.IsBetween f -> {
                DataType common = common(written, arguments, text);
                if (common.isNested()) {
                    throw new FloeException(ErrorCode.TYPE_MISMATCH, text + " needs orderable values, got " + common);
                }
                yield new LogicalExpr.Function(f, coerceAll(arguments, common, text), DataType.BOOLEAN);
            }
            case ScalarFunction.Abs f -> {
                require(type.isNumeric() || type instanceof DataType.DurationType, text, type, "a numeric");
                yield new LogicalExpr.Function(f, arguments, type);
            }
            case ScalarFunction.Round f -> {
                require(type.isNumeric(), text, type, "a numeric");
                yield new LogicalExpr.Function(f, arguments, type);
            }
            case ScalarFunction.Sqrt f -> {
                require(type.isNumeric(), text, type, "a numeric");
                DataType result = type instanceof DataType.Float32Type ? DataType.FLOAT32 : DataType.FLOAT64;
                yield new LogicalExpr.Function(f, List.of(Operands.coerce(input, result, text)), result);
            }
            case ScalarFunction.StrContains f -> string(f, input, text, DataType.BOOLEAN);
            case ScalarFunction.StrStartsWith f -> string(f, input, text, DataType.BOOLEAN);
            case ScalarFunction.StrEndsWith f -> string(f, input, text, DataType.BOOLEAN);
            case ScalarFunction.StrSlice f -> string(f, input, text, DataType.STRING);
            case ScalarFunction.StrLenChars f -> string(f, input, text, DataType.UINT32);
            case ScalarFunction.StrToUppercase f -> string(f, input, text, DataType.STRING);
            case ScalarFunction.StrToLowercase f -> string(f, input, text, DataType.STRING);
            case ScalarFunction.StrReplace f -> string(f, input, text, DataType.STRING);
            case ScalarFunction.Year f -> temporal(f, input, text, DataType.INT32);
            case ScalarFunction.Month f -> temporal(f, input, text, DataType.INT8);
            case ScalarFunction.Day f -> temporal(f, input, text, DataType.INT8);
            case ScalarFunction.Weekday f -> temporal(f, input, text, DataType.INT8);
            case ScalarFunction.Quarter f -> temporal(f, input, text, DataType.INT8);
            case ScalarFunction.OrdinalDay f -> temporal(f, input, text, DataType.INT16);
        };
    }

    private static DataType common(Expr.Function written, List<LogicalExpr> arguments, String text) {
        List<Operands.Operand> operands = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            operands.add(Operands.Operand.of(written.arguments().get(i), arguments.get(i)));
        }
        DataType common = Operands.commonType(operands);
        if (common == null) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, "the arguments of " + text + " have types "
                    + arguments.stream().map(a -> a.type().toString()).toList() + " with no common type");
        }
        return common;
    }

    private static List<LogicalExpr> coerceAll(List<LogicalExpr> arguments, DataType type, String text) {
        List<LogicalExpr> coerced = new ArrayList<>(arguments.size());
        for (LogicalExpr argument : arguments) {
            coerced.add(Operands.coerce(argument, type, text));
        }
        return coerced;
    }

    private static LogicalExpr string(ScalarFunction function, LogicalExpr input, String text, DataType result) {
        require(input.type() instanceof DataType.StringType, text, input.type(), "a String");
        return new LogicalExpr.Function(function, List.of(input), result);
    }

    private static LogicalExpr temporal(ScalarFunction function, LogicalExpr input, String text, DataType result) {
        require(input.type() instanceof DataType.DateType || input.type() instanceof DataType.DatetimeType, text,
                input.type(), "a Date or Datetime");
        return new LogicalExpr.Function(function, List.of(input), result);
    }

    private static void require(boolean accepted, String text, DataType actual, String expected) {
        if (!accepted) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, text + " needs " + expected + " input, got " + actual);
        }
    }
}
