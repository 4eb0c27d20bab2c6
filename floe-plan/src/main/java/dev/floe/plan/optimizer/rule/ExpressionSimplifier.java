package dev.floe.plan.optimizer.rule;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.optimizer.Expressions;
import java.util.List;

/**
 * Rewrites one expression into a simpler equivalent: boolean identities, double negation, literal folding,
 * cast folding and removal, and contradictions among conjuncts. Every rewrite keeps the expression's type
 * and its value on every row, nulls included. Predicate positions (where null and false both drop the row)
 * additionally get {@code is_between} and one-value {@code is_in} in comparison form.
 */
final class ExpressionSimplifier {
    private ExpressionSimplifier() {
    }

    static LogicalExpr simplify(LogicalExpr expr) {
        return Expressions.transformUp(expr, node -> {
            LogicalExpr rewritten = simplifyNode(node);
            return rewritten.type().equals(node.type()) ? rewritten : node;
        });
    }

    /** Simplifies a filter predicate; a null literal becomes false, since both drop every row. */
    static LogicalExpr simplifyPredicate(LogicalExpr predicate) {
        LogicalExpr simplified = simplify(normalizePredicate(predicate));
        if (simplified instanceof LogicalExpr.Literal literal && literal.value() == null) {
            return Expressions.FALSE;
        }
        return simplified;
    }

    /** is_between and one-value is_in as comparisons, below {@code &} and {@code |} only. */
    static LogicalExpr normalizePredicate(LogicalExpr predicate) {
        if (predicate instanceof LogicalExpr.Binary binary && (binary.operator() == BinaryOperator.AND
                || binary.operator() == BinaryOperator.OR)) {
            LogicalExpr left = normalizePredicate(binary.left());
            LogicalExpr right = normalizePredicate(binary.right());
            return left == binary.left() && right == binary.right() ? binary
                    : new LogicalExpr.Binary(binary.operator(), left, right, binary.type());
        }
        if (predicate instanceof LogicalExpr.Function function) {
            return normalizeFunction(function);
        }
        return predicate;
    }

    private static LogicalExpr normalizeFunction(LogicalExpr.Function function) {
        List<LogicalExpr> arguments = function.arguments();
        LogicalExpr input = arguments.getFirst();
        if (function.function() instanceof ScalarFunction.IsBetween between && arguments.size() == 3
                && arguments.get(1).type().equals(input.type()) && arguments.get(2).type().equals(input.type())) {
            ClosedInterval closed = between.closed();
            LogicalExpr lower = new LogicalExpr.Binary(closed.includesLower() ? BinaryOperator.GREATER_EQUAL
                    : BinaryOperator.GREATER, input, arguments.get(1), DataType.BOOLEAN);
            LogicalExpr upper = new LogicalExpr.Binary(closed.includesUpper() ? BinaryOperator.LESS_EQUAL
                    : BinaryOperator.LESS, input, arguments.get(2), DataType.BOOLEAN);
            return new LogicalExpr.Binary(BinaryOperator.AND, lower, upper, DataType.BOOLEAN);
        }
        if (function.function() instanceof ScalarFunction.IsIn isIn && arguments.size() == 1
                && isIn.values().size() == 1 && isIn.values().getFirst() != null) {
            return new LogicalExpr.Binary(BinaryOperator.EQUAL, input,
                    new LogicalExpr.Literal(isIn.values().getFirst(), input.type()), DataType.BOOLEAN);
        }
        return function;
    }

    private static LogicalExpr simplifyNode(LogicalExpr node) {
        return switch (node) {
            case LogicalExpr.Cast cast -> simplifyCast(cast);
            case LogicalExpr.Binary binary -> simplifyBinary(binary);
            case LogicalExpr.Function function -> simplifyFunction(function);
            case LogicalExpr.Column column -> column;
            case LogicalExpr.Literal literal -> literal;
            case LogicalExpr.Case caseExpr -> caseExpr;
            case LogicalExpr.Aggregate aggregate -> aggregate;
            case LogicalExpr.Window window -> window;
        };
    }

    private static LogicalExpr simplifyCast(LogicalExpr.Cast cast) {
        if (cast.input().type().equals(cast.type())) {
            return cast.input();
        }
        LogicalExpr folded = ConstantFolding.foldCast(cast);
        return folded == null ? cast : folded;
    }

    private static LogicalExpr simplifyBinary(LogicalExpr.Binary binary) {
        boolean logical = binary.type() instanceof DataType.BooleanType
                && binary.left().type() instanceof DataType.BooleanType
                && binary.right().type() instanceof DataType.BooleanType;
        if (logical && binary.operator() == BinaryOperator.AND) {
            if (Expressions.isFalse(binary.left()) || Expressions.isFalse(binary.right())) {
                return Expressions.FALSE;
            }
            if (Expressions.isTrue(binary.left())) {
                return binary.right();
            }
            if (Expressions.isTrue(binary.right())) {
                return binary.left();
            }
            return Contradictions.contradicts(Expressions.conjuncts(binary)) ? Expressions.FALSE : binary;
        }
        if (logical && binary.operator() == BinaryOperator.OR) {
            if (Expressions.isTrue(binary.left()) || Expressions.isTrue(binary.right())) {
                return Expressions.TRUE;
            }
            if (Expressions.isFalse(binary.left())) {
                return binary.right();
            }
            if (Expressions.isFalse(binary.right())) {
                return binary.left();
            }
            return binary;
        }
        LogicalExpr folded = ConstantFolding.fold(binary);
        return folded == null ? binary : folded;
    }

    private static LogicalExpr simplifyFunction(LogicalExpr.Function function) {
        LogicalExpr argument = function.arguments().getFirst();
        ScalarFunction kind = function.function();
        if (kind instanceof ScalarFunction.Not && argument instanceof LogicalExpr.Function inner
                && inner.function() instanceof ScalarFunction.Not
                && inner.arguments().getFirst().type().equals(function.type())) {
            return inner.arguments().getFirst();
        }
        if (kind instanceof ScalarFunction.Not && argument instanceof LogicalExpr.Literal literal
                && literal.type() instanceof DataType.BooleanType) {
            return new LogicalExpr.Literal(literal.value() == null ? null : !(Boolean) literal.value(),
                    DataType.BOOLEAN);
        }
        if (kind instanceof ScalarFunction.IsNull && argument instanceof LogicalExpr.Literal literal) {
            return new LogicalExpr.Literal(literal.value() == null, DataType.BOOLEAN);
        }
        if (kind instanceof ScalarFunction.IsNotNull && argument instanceof LogicalExpr.Literal literal) {
            return new LogicalExpr.Literal(literal.value() != null, DataType.BOOLEAN);
        }
        return function;
    }
}
