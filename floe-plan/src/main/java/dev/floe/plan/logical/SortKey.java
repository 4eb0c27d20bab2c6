package dev.floe.plan.logical;

import dev.floe.plan.expr.LogicalExpr;
import java.util.Objects;

/** One key of a sort: the expression, its direction, and where nulls go. */
public record SortKey(LogicalExpr expr, boolean descending, boolean nullsLast) {
    public SortKey {
        Objects.requireNonNull(expr, "expr");
    }
}
