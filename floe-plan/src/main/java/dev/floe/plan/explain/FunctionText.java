package dev.floe.plan.explain;

import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.ScalarFunction;
import java.util.List;
import java.util.stream.Collectors;

/** How a function call is printed after its input: {@code .str.contains("a", literal=false)}, {@code .sum()}. */
final class FunctionText {
    private FunctionText() {
    }

    /** The call suffix; {@code extraArguments} are the printed arguments after the input (fill value, bounds). */
    static String scalar(ScalarFunction function, List<String> extraArguments) {
        String parameters = switch (function) {
            case ScalarFunction.IsIn isIn -> isIn.values().stream().map(FunctionText::value)
                    .collect(Collectors.joining(", ", "[", "]"));
            case ScalarFunction.IsBetween between -> String.join(", ", extraArguments) + ", closed=\""
                    + between.closed().name().toLowerCase(java.util.Locale.ROOT) + "\"";
            case ScalarFunction.Round round -> Integer.toString(round.decimals());
            case ScalarFunction.StrContains contains -> quote(contains.pattern()) + ", literal=" + contains.literal();
            case ScalarFunction.StrStartsWith startsWith -> quote(startsWith.prefix());
            case ScalarFunction.StrEndsWith endsWith -> quote(endsWith.suffix());
            case ScalarFunction.StrSlice slice -> slice.offset() + ", " + (slice.length() == null ? "null" : slice.length());
            case ScalarFunction.StrReplace replace -> quote(replace.pattern()) + ", " + quote(replace.replacement())
                    + ", literal=" + replace.literal();
            case ScalarFunction.FillNull f -> String.join(", ", extraArguments);
            case ScalarFunction.IsNull f -> "";
            case ScalarFunction.IsNotNull f -> "";
            case ScalarFunction.Not f -> "";
            case ScalarFunction.Negate f -> "";
            case ScalarFunction.Abs f -> "";
            case ScalarFunction.Sqrt f -> "";
            case ScalarFunction.StrLenChars f -> "";
            case ScalarFunction.StrToUppercase f -> "";
            case ScalarFunction.StrToLowercase f -> "";
            case ScalarFunction.Year f -> "";
            case ScalarFunction.Month f -> "";
            case ScalarFunction.Day f -> "";
            case ScalarFunction.Weekday f -> "";
            case ScalarFunction.Quarter f -> "";
            case ScalarFunction.OrdinalDay f -> "";
        };
        return "." + function.name() + "(" + parameters + ")";
    }

    static String aggregate(AggregateFunction function) {
        String parameters = switch (function) {
            case AggregateFunction.Std std -> "ddof=" + std.ddof();
            case AggregateFunction.Var var -> "ddof=" + var.ddof();
            case AggregateFunction.Quantile quantile -> quantile.quantile() + ", interpolation=\""
                    + quantile.method().name().toLowerCase(java.util.Locale.ROOT) + "\"";
            case AggregateFunction.Sum f -> "";
            case AggregateFunction.Mean f -> "";
            case AggregateFunction.Min f -> "";
            case AggregateFunction.Max f -> "";
            case AggregateFunction.Count f -> "";
            case AggregateFunction.Len f -> "";
            case AggregateFunction.NUnique f -> "";
            case AggregateFunction.First f -> "";
            case AggregateFunction.Last f -> "";
            case AggregateFunction.Median f -> "";
        };
        return "." + function.name() + "(" + parameters + ")";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A constant as Polars prints it in plans. */
    static String value(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> quote(s);
            case byte[] bytes -> "binary[" + bytes.length + " bytes]";
            default -> value.toString();
        };
    }
}
