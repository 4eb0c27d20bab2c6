package dev.floe.plan.optimizer.rule;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import java.time.LocalDate;

/**
 * Evaluates operators over literals where the result is certain to match the executor: wrapping 32/64-bit
 * signed integer {@code + - *}, float64 {@code + - * /}, and comparisons of signed integers, dates, booleans
 * and (equality only) strings. Everything else is left alone.
 */
final class ConstantFolding {
    private ConstantFolding() {
    }

    /** The folded literal, or null when the operation is not folded. */
    static LogicalExpr.Literal fold(LogicalExpr.Binary binary) {
        if (!(binary.left() instanceof LogicalExpr.Literal left) || !(binary.right() instanceof LogicalExpr.Literal right)) {
            return null;
        }
        if (!left.type().equals(right.type())) {
            return null;
        }
        BinaryOperator operator = binary.operator();
        if (operator.isComparison()) {
            return compare(operator, left, right);
        }
        if (operator.isArithmetic() && binary.type().equals(left.type())) {
            return arithmetic(operator, left, right);
        }
        return null;
    }

    private static LogicalExpr.Literal compare(BinaryOperator operator, LogicalExpr.Literal left,
            LogicalExpr.Literal right) {
        if (!comparable(left.type())) {
            return null;
        }
        if (left.value() == null || right.value() == null) {
            return new LogicalExpr.Literal(null, DataType.BOOLEAN);
        }
        boolean equalityOnly = left.type() instanceof DataType.StringType
                || left.type() instanceof DataType.BooleanType;
        if (equalityOnly && operator != BinaryOperator.EQUAL && operator != BinaryOperator.NOT_EQUAL) {
            return null;
        }
        Integer order = compareValues(left.value(), right.value());
        if (order == null) {
            return null;
        }
        boolean result = switch (operator) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS -> order < 0;
            case LESS_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            case GREATER_EQUAL -> order >= 0;
            case ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, AND, OR, XOR -> throw
                    new IllegalStateException("not a comparison: " + operator);
        };
        return new LogicalExpr.Literal(result, DataType.BOOLEAN);
    }

    /** Types whose literal values compare in Java exactly as the executor compares them. */
    static boolean comparable(DataType type) {
        return type.isSignedInteger() || type instanceof DataType.DateType || type instanceof DataType.StringType
                || type instanceof DataType.BooleanType;
    }

    /** The order of two literal values of one comparable type, or null when they are not comparable here. */
    static Integer compareValues(Object left, Object right) {
        return switch (left) {
            case Integer a when right instanceof Integer b -> Integer.compare(a, b);
            case Long a when right instanceof Long b -> Long.compare(a, b);
            case LocalDate a when right instanceof LocalDate b -> a.compareTo(b);
            case String a when right instanceof String b -> a.equals(b) ? 0 : a.compareTo(b);
            case Boolean a when right instanceof Boolean b -> Boolean.compare(a, b);
            default -> null;
        };
    }

    private static LogicalExpr.Literal arithmetic(BinaryOperator operator, LogicalExpr.Literal left,
            LogicalExpr.Literal right) {
        DataType type = left.type();
        boolean supported = switch (operator) {
            case ADD, SUBTRACT, MULTIPLY -> type instanceof DataType.Int32Type || type instanceof DataType.Int64Type
                    || type instanceof DataType.Float64Type;
            case TRUE_DIVIDE -> type instanceof DataType.Float64Type;
            case FLOOR_DIVIDE, MODULO, POWER, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, AND, OR,
                    XOR -> false;
        };
        if (!supported) {
            return null;
        }
        if (left.value() == null || right.value() == null) {
            return new LogicalExpr.Literal(null, type);
        }
        Object value = null;
        if (left.value() instanceof Integer a && right.value() instanceof Integer b) {
            value = operator == BinaryOperator.ADD ? a + b : operator == BinaryOperator.SUBTRACT ? a - b : a * b;
        } else if (left.value() instanceof Long a && right.value() instanceof Long b) {
            value = operator == BinaryOperator.ADD ? a + b : operator == BinaryOperator.SUBTRACT ? a - b : a * b;
        } else if (left.value() instanceof Double a && right.value() instanceof Double b) {
            value = operator == BinaryOperator.ADD ? a + b : operator == BinaryOperator.SUBTRACT ? a - b
                    : operator == BinaryOperator.MULTIPLY ? a * b : a / b;
        }
        return value == null ? null : new LogicalExpr.Literal(value, type);
    }

    /** A cast of a literal when the result is certain: nulls, and integers to wider integers or Float64. */
    static LogicalExpr.Literal foldCast(LogicalExpr.Cast cast) {
        if (!(cast.input() instanceof LogicalExpr.Literal literal)) {
            return null;
        }
        DataType target = cast.type();
        if (literal.value() == null) {
            return new LogicalExpr.Literal(null, target);
        }
        if (!literal.type().isSignedInteger()) {
            return null;
        }
        long value = ((Number) literal.value()).longValue();
        if (target instanceof DataType.Int64Type) {
            return new LogicalExpr.Literal(value, target);
        }
        if (target instanceof DataType.Int32Type && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return new LogicalExpr.Literal((int) value, target);
        }
        if (target instanceof DataType.Float64Type && Math.abs(value) <= (1L << 53)) {
            return new LogicalExpr.Literal((double) value, target);
        }
        return null;
    }
}
