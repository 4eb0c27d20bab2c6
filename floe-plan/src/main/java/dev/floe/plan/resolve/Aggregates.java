package dev.floe.plan.resolve;

import dev.floe.plan.expr.LogicalExpr;

/** Questions about where aggregations sit in a resolved expression. */
final class Aggregates {
    private Aggregates() {
    }

    /** Whether the expression has an aggregation anywhere, windows included. */
    static boolean containsAggregate(LogicalExpr expr) {
        if (expr instanceof LogicalExpr.Aggregate) {
            return true;
        }
        for (LogicalExpr child : expr.children()) {
            if (containsAggregate(child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the expression aggregates rows into one value (an aggregation not inside a window). */
    static boolean aggregatesRows(LogicalExpr expr) {
        if (expr instanceof LogicalExpr.Aggregate) {
            return true;
        }
        if (expr instanceof LogicalExpr.Window) {
            return false;
        }
        for (LogicalExpr child : expr.children()) {
            if (aggregatesRows(child)) {
                return true;
            }
        }
        return false;
    }

    /** A column read outside every aggregation (and outside windows), or {@code null}. */
    static LogicalExpr.Column bareColumn(LogicalExpr expr) {
        return switch (expr) {
            case LogicalExpr.Column column -> column;
            case LogicalExpr.Aggregate aggregate -> null;
            case LogicalExpr.Literal _, LogicalExpr.Cast _, LogicalExpr.Binary _, LogicalExpr.Function _,
                    LogicalExpr.Case _, LogicalExpr.Window _ -> {
                for (LogicalExpr child : expr.children()) {
                    LogicalExpr.Column found = bareColumn(child);
                    if (found != null) {
                        yield found;
                    }
                }
                yield null;
            }
        };
    }
}
