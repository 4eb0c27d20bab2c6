package dev.floe.exec.scan;

import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates the simple parts of a scan predicate into a {@link ColumnPredicate} readers can prune with:
 * {@code column op literal}, is_null, is_not_null, is_in, starts_with, ends_with, contains, is_between,
 * and/or/not. The result is never stricter than the predicate: conjuncts that do not translate are dropped, an
 * or/not that does not translate entirely gives nothing. {@code null} means no pruning is possible.
 */
public final class PredicateTranslator {
    private PredicateTranslator() {
    }

    public static ColumnPredicate translate(LogicalExpr predicate) {
        return predicate == null ? null : translate(predicate, false);
    }

    /** With {@code exact}, returns a predicate equivalent to {@code expr} or null; otherwise one implied by it. */
    private static ColumnPredicate translate(LogicalExpr expr, boolean exact) {
        return switch (expr) {
            case LogicalExpr.Binary binary when binary.operator() == BinaryOperator.AND -> {
                List<ColumnPredicate> terms = new ArrayList<>();
                for (LogicalExpr side : List.of(binary.left(), binary.right())) {
                    ColumnPredicate term = translate(side, exact);
                    if (term == null && exact) {
                        yield null;
                    }
                    if (term != null) {
                        terms.add(term);
                    }
                }
                yield terms.isEmpty() ? null : terms.size() == 1 ? terms.getFirst() : new ColumnPredicate.And(terms);
            }
            case LogicalExpr.Binary binary when binary.operator() == BinaryOperator.OR -> {
                ColumnPredicate left = translate(binary.left(), exact);
                ColumnPredicate right = translate(binary.right(), exact);
                yield left == null || right == null ? null : new ColumnPredicate.Or(List.of(left, right));
            }
            case LogicalExpr.Binary binary when binary.operator().isComparison() -> comparison(binary);
            case LogicalExpr.Function function -> function(function);
            case LogicalExpr.Column _, LogicalExpr.Literal _, LogicalExpr.Cast _, LogicalExpr.Binary _,
                    LogicalExpr.Case _, LogicalExpr.Aggregate _, LogicalExpr.Window _ -> null;
        };
    }

    private static ColumnPredicate comparison(LogicalExpr.Binary binary) {
        if (binary.left() instanceof LogicalExpr.Column column && binary.right() instanceof LogicalExpr.Literal literal
                && literal.value() != null) {
            return new ColumnPredicate.Compare(column.name(), op(binary.operator()), literal.value());
        }
        if (binary.right() instanceof LogicalExpr.Column column && binary.left() instanceof LogicalExpr.Literal literal
                && literal.value() != null) {
            return new ColumnPredicate.Compare(column.name(), op(binary.operator().flip()), literal.value());
        }
        return null;
    }

    private static ColumnPredicate.CompareOp op(BinaryOperator operator) {
        return switch (operator) {
            case EQUAL -> ColumnPredicate.CompareOp.EQ;
            case NOT_EQUAL -> ColumnPredicate.CompareOp.NOT_EQ;
            case LESS -> ColumnPredicate.CompareOp.LT;
            case LESS_EQUAL -> ColumnPredicate.CompareOp.LT_EQ;
            case GREATER -> ColumnPredicate.CompareOp.GT;
            case GREATER_EQUAL -> ColumnPredicate.CompareOp.GT_EQ;
            case ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, AND, OR, XOR ->
                    throw dev.floe.core.FloeException.internal("not a comparison: " + operator);
        };
    }

    private static ColumnPredicate function(LogicalExpr.Function function) {
        LogicalExpr first = function.arguments().getFirst();
        if (function.function() instanceof ScalarFunction.Not) {
            ColumnPredicate inner = translate(first, true);
            return inner == null ? null : new ColumnPredicate.Not(inner);
        }
        if (!(first instanceof LogicalExpr.Column column)) {
            return null;
        }
        String name = column.name();
        return switch (function.function()) {
            case ScalarFunction.IsNull f -> new ColumnPredicate.IsNull(name);
            case ScalarFunction.IsNotNull f -> new ColumnPredicate.IsNotNull(name);
            case ScalarFunction.IsIn f -> {
                List<Object> values = new ArrayList<>();
                for (Object value : f.values()) {
                    if (value != null) {
                        values.add(value);
                    }
                }
                yield new ColumnPredicate.In(name, values);
            }
            case ScalarFunction.StrStartsWith f -> new ColumnPredicate.StartsWith(name, f.prefix());
            case ScalarFunction.StrEndsWith f -> new ColumnPredicate.EndsWith(name, f.suffix());
            case ScalarFunction.StrContains f -> f.literal() || compiles(f.pattern())
                    ? new ColumnPredicate.Contains(name, f.pattern(), f.literal()) : null;
            case ScalarFunction.IsBetween f -> between(name, function.arguments(), f.closed());
            case ScalarFunction.FillNull _, ScalarFunction.Not _, ScalarFunction.Negate _,
                    ScalarFunction.Abs _, ScalarFunction.Sqrt _, ScalarFunction.Round _,
                    ScalarFunction.StrSlice _,
                    ScalarFunction.StrLenChars _, ScalarFunction.StrToUppercase _,
                    ScalarFunction.StrToLowercase _, ScalarFunction.StrReplace _, ScalarFunction.Year _,
                    ScalarFunction.Month _, ScalarFunction.Day _, ScalarFunction.Weekday _,
                    ScalarFunction.Quarter _, ScalarFunction.OrdinalDay _ -> null;
        };
    }

    /** Whether {@code regex} compiles (one that does not is left to the executor, which reports it). */
    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException bad) {
            return false;
        }
    }

    private static ColumnPredicate between(String name, List<LogicalExpr> arguments, ClosedInterval closed) {
        if (arguments.get(1) instanceof LogicalExpr.Literal lower && arguments.get(2) instanceof LogicalExpr.Literal upper
                && lower.value() != null && upper.value() != null) {
            return new ColumnPredicate.And(List.of(
                    new ColumnPredicate.Compare(name, closed.includesLower() ? ColumnPredicate.CompareOp.GT_EQ
                            : ColumnPredicate.CompareOp.GT, lower.value()),
                    new ColumnPredicate.Compare(name, closed.includesUpper() ? ColumnPredicate.CompareOp.LT_EQ
                            : ColumnPredicate.CompareOp.LT, upper.value())));
        }
        return null;
    }
}
