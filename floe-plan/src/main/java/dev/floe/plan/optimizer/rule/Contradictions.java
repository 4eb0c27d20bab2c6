package dev.floe.plan.optimizer.rule;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Detects conjunctions that no row satisfies because comparisons of one column with literals exclude each
 * other ({@code a > 5 & a < 3}, {@code a == 1 & a == 2}). Only types whose Java order equals the executor's
 * are considered (see {@link ConstantFolding#comparable}); strings only through equalities.
 */
final class Contradictions {
    private Contradictions() {
    }

    /** What the conjuncts say about one column: an equality value and the tightest bounds seen. */
    private static final class Range {
        Object equal;
        Object lower;
        boolean lowerInclusive;
        Object upper;
        boolean upperInclusive;
        boolean empty;
    }

    static boolean contradicts(List<LogicalExpr> conjuncts) {
        Map<String, Range> ranges = new HashMap<>();
        for (LogicalExpr conjunct : conjuncts) {
            if (!(conjunct instanceof LogicalExpr.Binary binary) || !binary.operator().isComparison()) {
                continue;
            }
            BinaryOperator operator = binary.operator();
            LogicalExpr.Column column;
            LogicalExpr.Literal literal;
            if (binary.left() instanceof LogicalExpr.Column c && binary.right() instanceof LogicalExpr.Literal l) {
                column = c;
                literal = l;
            } else if (binary.left() instanceof LogicalExpr.Literal l
                    && binary.right() instanceof LogicalExpr.Column c) {
                column = c;
                literal = l;
                operator = operator.flip();
            } else {
                continue;
            }
            if (literal.value() == null || !ConstantFolding.comparable(column.type())
                    || !column.type().equals(literal.type())) {
                continue;
            }
            boolean equalityOnly = column.type() instanceof dev.floe.core.types.DataType.StringType
                    || column.type() instanceof dev.floe.core.types.DataType.BooleanType;
            if (equalityOnly && operator != BinaryOperator.EQUAL) {
                continue;
            }
            Range range = ranges.computeIfAbsent(column.name(), name -> new Range());
            if (!add(range, operator, literal.value())) {
                continue;
            }
            if (range.empty) {
                return true;
            }
        }
        return false;
    }

    /** Records one comparison; false when it cannot be used. */
    private static boolean add(Range range, BinaryOperator operator, Object value) {
        switch (operator) {
            case EQUAL -> {
                if (range.equal != null && !sameOrder(range.equal, value)) {
                    range.empty = true;
                }
                range.equal = value;
            }
            case GREATER, GREATER_EQUAL -> {
                boolean inclusive = operator == BinaryOperator.GREATER_EQUAL;
                Integer order = range.lower == null ? Integer.valueOf(1) : ConstantFolding.compareValues(value, range.lower);
                if (order == null) {
                    return false;
                }
                if (order > 0 || (order == 0 && !inclusive)) {
                    range.lower = value;
                    range.lowerInclusive = inclusive;
                }
            }
            case LESS, LESS_EQUAL -> {
                boolean inclusive = operator == BinaryOperator.LESS_EQUAL;
                Integer order = range.upper == null ? Integer.valueOf(-1) : ConstantFolding.compareValues(value, range.upper);
                if (order == null) {
                    return false;
                }
                if (order < 0 || (order == 0 && !inclusive)) {
                    range.upper = value;
                    range.upperInclusive = inclusive;
                }
            }
            case NOT_EQUAL, ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, AND, OR, XOR -> {
                return false;
            }
        }
        range.empty |= isEmpty(range);
        return true;
    }

    private static boolean sameOrder(Object left, Object right) {
        Integer order = ConstantFolding.compareValues(left, right);
        return order == null || order == 0;
    }

    private static boolean isEmpty(Range range) {
        if (range.lower != null && range.upper != null) {
            Integer order = ConstantFolding.compareValues(range.lower, range.upper);
            if (order != null && (order > 0 || (order == 0 && !(range.lowerInclusive && range.upperInclusive)))) {
                return true;
            }
        }
        if (range.equal != null) {
            if (range.lower != null) {
                Integer order = ConstantFolding.compareValues(range.equal, range.lower);
                if (order != null && (order < 0 || (order == 0 && !range.lowerInclusive))) {
                    return true;
                }
            }
            if (range.upper != null) {
                Integer order = ConstantFolding.compareValues(range.equal, range.upper);
                return order != null && (order > 0 || (order == 0 && !range.upperInclusive));
            }
        }
        return false;
    }
}
