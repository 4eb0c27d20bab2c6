package dev.floe.cluster.plan;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.io.ColumnBounds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The guessed fraction of rows a predicate keeps, for choosing how joins are distributed: equality with a value
 * 0.1, a one-sided range 0.3, a range bounded on both sides of one column 0.25 (a date window, not 0.3 x 0.3),
 * a comparison of two columns 0.5, {@code is_in} 0.1 per value; {@code &} multiplies its conjuncts, {@code |}
 * adds them minus the overlap, {@code not} complements. When the source's statistics bound a column (its smallest
 * and largest value), the comparisons of that column with values keep the share of that span they leave, values
 * taken as spread evenly over it: a quarter's window on seven years of order dates keeps 4%, not 25%.
 */
final class Selectivity {
    static final double EQUAL = 0.1;
    static final double RANGE = 0.3;
    static final double WINDOW = 0.25;
    static final double UNKNOWN = 0.5;

    private Selectivity() {
    }

    /** The least share a measured range keeps (an empty one too), so that estimates stay positive. */
    private static final double SMALLEST_SHARE = 1e-6;

    static double of(LogicalExpr predicate) {
        return of(predicate, column -> Optional.empty());
    }

    /** The guessed fraction, measured on the columns {@code bounds} knows the smallest and largest value of. */
    static double of(LogicalExpr predicate, Function<String, Optional<ColumnBounds>> bounds) {
        if (predicate == null) {
            return 1;
        }
        List<LogicalExpr> conjuncts = new ArrayList<>();
        conjuncts(predicate, conjuncts);
        Set<String> lowerBounded = new HashSet<>();
        Set<String> upperBounded = new HashSet<>();
        Map<String, double[]> measured = new LinkedHashMap<>();
        Map<String, Optional<ColumnBounds>> spans = new LinkedHashMap<>();
        double result = 1;
        for (LogicalExpr conjunct : conjuncts) {
            Bound bound = bound(conjunct);
            if (bound != null && !Double.isNaN(bound.value())) {
                Optional<ColumnBounds> span = spans.computeIfAbsent(bound.column(), bounds);
                if (span.isPresent()) {
                    double[] interval = measured.computeIfAbsent(bound.column(),
                            column -> new double[] {span.get().min(), span.get().max()});
                    if (bound.lower()) {
                        interval[0] = Math.max(interval[0], bound.value());
                    } else {
                        interval[1] = Math.min(interval[1], bound.value());
                    }
                    continue;
                }
            }
            if (bound != null && (bound.lower() ? upperBounded : lowerBounded).remove(bound.column())) {
                result *= WINDOW / RANGE;
                continue;
            }
            if (bound != null) {
                (bound.lower() ? lowerBounded : upperBounded).add(bound.column());
            }
            result *= single(conjunct);
        }
        for (Map.Entry<String, double[]> entry : measured.entrySet()) {
            result *= share(entry.getValue(), spans.get(entry.getKey()).orElseThrow());
        }
        return result;
    }

    private static double share(double[] interval, ColumnBounds span) {
        double width = span.max() - span.min();
        if (interval[0] > interval[1]) {
            return SMALLEST_SHARE;
        }
        if (width <= 0) {
            return 1;
        }
        return Math.max(SMALLEST_SHARE, Math.min(1, (interval[1] - interval[0]) / width));
    }

    /**
     * A comparison of a column with a value: it bounds the column from below or from above; {@code value} is the
     * value as a number (dates as epoch days), NaN when it is of another kind.
     */
    private record Bound(String column, boolean lower, double value) {
    }

    private static void conjuncts(LogicalExpr predicate, List<LogicalExpr> out) {
        if (predicate instanceof LogicalExpr.Binary binary && binary.operator() == BinaryOperator.AND) {
            conjuncts(binary.left(), out);
            conjuncts(binary.right(), out);
        } else {
            out.add(predicate);
        }
    }

    private static Bound bound(LogicalExpr conjunct) {
        if (!(conjunct instanceof LogicalExpr.Binary binary)) {
            return null;
        }
        boolean columnLeft = binary.left() instanceof LogicalExpr.Column && binary.right() instanceof LogicalExpr.Literal;
        boolean columnRight = binary.right() instanceof LogicalExpr.Column && binary.left() instanceof LogicalExpr.Literal;
        if (!columnLeft && !columnRight) {
            return null;
        }
        String column = ((LogicalExpr.Column) (columnLeft ? binary.left() : binary.right())).name();
        double value = number(((LogicalExpr.Literal) (columnLeft ? binary.right() : binary.left())).value());
        return switch (binary.operator()) {
            case GREATER, GREATER_EQUAL -> new Bound(column, columnLeft, value);
            case LESS, LESS_EQUAL -> new Bound(column, !columnLeft, value);
            case AND, OR, EQUAL, NOT_EQUAL, ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, XOR ->
                    null;
        };
    }

    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value instanceof LocalDate date ? date.toEpochDay() : Double.NaN;
    }

    private static double single(LogicalExpr predicate) {
        return switch (predicate) {
            case LogicalExpr.Literal literal -> Boolean.TRUE.equals(literal.value()) ? 1 : 0;
            case LogicalExpr.Binary binary -> switch (binary.operator()) {
                case AND -> of(binary);
                case OR -> {
                    double a = of(binary.left());
                    double b = of(binary.right());
                    yield a + b - a * b;
                }
                case EQUAL -> comparesColumns(binary) ? UNKNOWN : EQUAL;
                case NOT_EQUAL -> 1 - EQUAL;
                case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> comparesColumns(binary) ? UNKNOWN : RANGE;
                case ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, XOR -> UNKNOWN;
            };
            case LogicalExpr.Function function -> switch (function.function()) {
                case ScalarFunction.Not f -> 1 - of(function.arguments().getFirst());
                case ScalarFunction.IsIn isIn -> Math.min(1, EQUAL * isIn.values().size());
                case ScalarFunction.IsBetween f -> WINDOW;
                case ScalarFunction.IsNull f -> EQUAL;
                case ScalarFunction.IsNotNull f -> 1 - EQUAL;
                case ScalarFunction.FillNull _, ScalarFunction.Negate _, ScalarFunction.Abs _,
                        ScalarFunction.Sqrt _, ScalarFunction.Round _, ScalarFunction.StrContains _,
                        ScalarFunction.StrStartsWith _, ScalarFunction.StrEndsWith _,
                        ScalarFunction.StrSlice _, ScalarFunction.StrLenChars _,
                        ScalarFunction.StrToUppercase _, ScalarFunction.StrToLowercase _,
                        ScalarFunction.StrReplace _, ScalarFunction.Year _, ScalarFunction.Month _,
                        ScalarFunction.Day _, ScalarFunction.Weekday _, ScalarFunction.Quarter _,
                        ScalarFunction.OrdinalDay _ -> UNKNOWN;
            };
            case LogicalExpr.Column _, LogicalExpr.Cast _, LogicalExpr.Case _, LogicalExpr.Aggregate _,
                    LogicalExpr.Window _ -> UNKNOWN;
        };
    }

    private static boolean comparesColumns(LogicalExpr.Binary binary) {
        return !(binary.left() instanceof LogicalExpr.Literal) && !(binary.right() instanceof LogicalExpr.Literal);
    }
}
