package dev.floe.exec.planner;

import dev.floe.plan.expr.LogicalExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Top-down rewriting and searching of expression trees. */
final class ExprRewriter {
    private ExprRewriter() {
    }

    /** Replaces every node for which {@code replacement} returns non-null (its children are not visited). */
    static LogicalExpr replace(LogicalExpr expr, Function<LogicalExpr, LogicalExpr> replacement) {
        LogicalExpr replaced = replacement.apply(expr);
        if (replaced != null) {
            return replaced;
        }
        List<LogicalExpr> children = expr.children();
        if (children.isEmpty()) {
            return expr;
        }
        List<LogicalExpr> rewritten = new ArrayList<>(children.size());
        boolean changed = false;
        for (LogicalExpr child : children) {
            LogicalExpr next = replace(child, replacement);
            changed |= next != child;
            rewritten.add(next);
        }
        return changed ? expr.withChildren(rewritten) : expr;
    }

    /** The outermost nodes matching {@code test}, in tree order, without duplicates. */
    static <T extends LogicalExpr> List<T> collect(LogicalExpr expr, Class<T> kind, List<T> into) {
        if (kind.isInstance(expr)) {
            T found = kind.cast(expr);
            if (!into.contains(found)) {
                into.add(found);
            }
            return into;
        }
        for (LogicalExpr child : expr.children()) {
            collect(child, kind, into);
        }
        return into;
    }

    static boolean contains(LogicalExpr expr, Predicate<LogicalExpr> test) {
        if (test.test(expr)) {
            return true;
        }
        for (LogicalExpr child : expr.children()) {
            if (contains(child, test)) {
                return true;
            }
        }
        return false;
    }
}
