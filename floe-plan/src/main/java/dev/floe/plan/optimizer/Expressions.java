package dev.floe.plan.optimizer;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Expression helpers the rules share: conjunct splitting, column sets, substitution and bottom-up rewriting. */
public final class Expressions {
    public static final LogicalExpr TRUE = new LogicalExpr.Literal(Boolean.TRUE, DataType.BOOLEAN);
    public static final LogicalExpr FALSE = new LogicalExpr.Literal(Boolean.FALSE, DataType.BOOLEAN);

    private Expressions() {
    }

    /** The operands of a tree of {@code &}, left to right ({@code a & (b & c)} gives a, b, c). */
    public static List<LogicalExpr> conjuncts(LogicalExpr predicate) {
        List<LogicalExpr> out = new ArrayList<>();
        collectConjuncts(predicate, out);
        return out;
    }

    private static void collectConjuncts(LogicalExpr expr, List<LogicalExpr> out) {
        if (expr instanceof LogicalExpr.Binary binary && binary.operator() == BinaryOperator.AND
                && binary.left().type() instanceof DataType.BooleanType
                && binary.right().type() instanceof DataType.BooleanType) {
            collectConjuncts(binary.left(), out);
            collectConjuncts(binary.right(), out);
        } else {
            out.add(expr);
        }
    }

    /** The conjunction of the predicates ({@code true} for none). */
    public static LogicalExpr and(List<LogicalExpr> predicates) {
        if (predicates.isEmpty()) {
            return TRUE;
        }
        LogicalExpr result = predicates.getFirst();
        for (int i = 1; i < predicates.size(); i++) {
            result = new LogicalExpr.Binary(BinaryOperator.AND, result, predicates.get(i), DataType.BOOLEAN);
        }
        return result;
    }

    /** The names of the columns the expression reads, in first-use order. */
    public static Set<String> columns(LogicalExpr expr) {
        Set<String> names = new LinkedHashSet<>();
        collectColumns(expr, names);
        return names;
    }

    public static void collectColumns(LogicalExpr expr, Set<String> names) {
        if (expr instanceof LogicalExpr.Column column) {
            names.add(column.name());
        }
        for (LogicalExpr child : expr.children()) {
            collectColumns(child, names);
        }
    }

    /** Whether the expression's value for a row depends on other rows (windows, aggregations). */
    public static boolean dependsOnOtherRows(LogicalExpr expr) {
        if (expr instanceof LogicalExpr.Window || expr instanceof LogicalExpr.Aggregate) {
            return true;
        }
        for (LogicalExpr child : expr.children()) {
            if (dependsOnOtherRows(child)) {
                return true;
            }
        }
        return false;
    }

    /** Cheap to compute twice: a column, a literal, or a cast of one. */
    public static boolean isCheap(LogicalExpr expr) {
        return switch (expr) {
            case LogicalExpr.Column column -> true;
            case LogicalExpr.Literal literal -> true;
            case LogicalExpr.Cast cast -> cast.input() instanceof LogicalExpr.Column
                    || cast.input() instanceof LogicalExpr.Literal;
            case LogicalExpr.Binary binary -> false;
            case LogicalExpr.Function function -> false;
            case LogicalExpr.Case caseExpr -> false;
            case LogicalExpr.Aggregate aggregate -> false;
            case LogicalExpr.Window window -> false;
        };
    }

    /** Replaces column references by the mapped expressions (columns not in the map stay). */
    public static LogicalExpr substitute(LogicalExpr expr, Map<String, LogicalExpr> replacements) {
        return transformUp(expr, node -> node instanceof LogicalExpr.Column column
                && replacements.containsKey(column.name()) ? replacements.get(column.name()) : node);
    }

    /** Rewrites children first, then the node itself. */
    public static LogicalExpr transformUp(LogicalExpr expr, UnaryOperator<LogicalExpr> rewrite) {
        List<LogicalExpr> children = expr.children();
        LogicalExpr current = expr;
        if (!children.isEmpty()) {
            List<LogicalExpr> rewritten = new ArrayList<>(children.size());
            boolean changed = false;
            for (LogicalExpr child : children) {
                LogicalExpr next = transformUp(child, rewrite);
                changed |= next != child;
                rewritten.add(next);
            }
            if (changed) {
                current = expr.withChildren(rewritten);
            }
        }
        return rewrite.apply(current);
    }

    public static boolean isTrue(LogicalExpr expr) {
        return expr instanceof LogicalExpr.Literal literal && Boolean.TRUE.equals(literal.value());
    }

    public static boolean isFalse(LogicalExpr expr) {
        return expr instanceof LogicalExpr.Literal literal && Boolean.FALSE.equals(literal.value());
    }
}
