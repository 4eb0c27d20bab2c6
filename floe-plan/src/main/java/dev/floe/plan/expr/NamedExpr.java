package dev.floe.plan.expr;

import java.util.Objects;

/** An expression and the name of the output column it produces (select, with_columns, group keys, aggregations). */
public record NamedExpr(String name, LogicalExpr expr) {
    public NamedExpr {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expr, "expr");
    }

    public dev.floe.core.types.Field field() {
        return new dev.floe.core.types.Field(name, expr.type());
    }

    /** A pass-through of an input column. */
    public static NamedExpr column(String name, dev.floe.core.types.DataType type) {
        return new NamedExpr(name, new LogicalExpr.Column(name, type));
    }
}
