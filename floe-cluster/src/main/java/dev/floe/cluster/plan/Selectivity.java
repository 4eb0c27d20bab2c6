package dev.floe.cluster.plan;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The guessed fraction of rows a predicate keeps, for choosing how joins are distributed: equality with a value
 * 0.1, a one-sided range 0.3, a range bounded on both sides of one column 0.25 (a date window, not 0.3 x 0.3),
 * a comparison of two columns 0.5, {@code is_in} 0.1 per value; {@code &} multiplies its conjuncts, {@code |}
 * adds them minus the overlap, {@code not} complements.
 */
final class Selectivity {
    static final double EQUAL = 0.1;
    static final double RANGE = 0.3;
    static final double WINDOW = 0.25;
    static final double UNKNOWN = 0.5;

    private Selectivity() {
    }

    static double of(LogicalExpr predicate) {
        if (predicate == null) {
            return 1;
        }
        List<LogicalExpr> conjuncts = new ArrayList<>();
        conjuncts(predicate, conjuncts);
        Set<String> lowerBounded = new HashSet<>();
        Set<String> upperBounded = new HashSet<>();
        double result = 1;
        for (LogicalExpr conjunct : conjuncts) {
            Bound bound = bound(conjunct);
            if (bound != null && (bound.lower() ? upperBounded : lowerBounded).remove(bound.column())) {
                result *= WINDOW / RANGE;
                continue;
            }
            if (bound != null) {
                (bound.lower() ? lowerBounded : upperBounded).add(bound.column());
            }
            result *= single(conjunct);
        }
        return result;
    }

    /** A comparison of a column with a value: it bounds the column from below or from above. */
    private record Bound(String column, boolean lower) {
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
        return switch (binary.operator()) {
            case GREATER, GREATER_EQUAL -> new Bound(column, columnLeft);
            case LESS, LESS_EQUAL -> new Bound(column, !columnLeft);
            case AND, OR, EQUAL, NOT_EQUAL, ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, XOR ->
                    null;
        };
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
