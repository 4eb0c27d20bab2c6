package dev.floe.plan.logical;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import java.util.Objects;

/**
 * Invariants shared by plan node constructors: arity, expressions that refer only to input columns, and stored
 * output schemas that equal the ones the inputs give.
 */
final class PlanChecks {
    private PlanChecks() {
    }

    static void arity(LogicalPlan node, List<LogicalPlan> inputs, int expected) {
        if (inputs.size() != expected) {
            throw FloeException.internal(node.getClass().getSimpleName() + " takes " + expected + " inputs, got "
                    + inputs.size());
        }
    }

    /** Every column the expression reads exists in {@code schema} with the type the expression recorded. */
    static void columnsExist(LogicalExpr expr, Schema schema, String context) {
        switch (expr) {
            case LogicalExpr.Column column -> {
                int index = schema.indexOf(column.name());
                if (index < 0) {
                    throw FloeException.internal(context + " reads column '" + column.name()
                            + "' missing from its input " + schema.names());
                }
                DataType actual = schema.field(index).type();
                if (!actual.equals(column.type())) {
                    throw FloeException.internal(context + " reads column '" + column.name() + "' as "
                            + column.type() + " but the input has " + actual);
                }
            }
            case LogicalExpr.Literal literal -> {
            }
            case LogicalExpr.Cast cast -> columnsExist(cast.input(), schema, context);
            case LogicalExpr.Binary binary -> {
                columnsExist(binary.left(), schema, context);
                columnsExist(binary.right(), schema, context);
            }
            case LogicalExpr.Function function -> function.arguments().forEach(a -> columnsExist(a, schema, context));
            case LogicalExpr.Case caseExpr -> caseExpr.children().forEach(c -> columnsExist(c, schema, context));
            case LogicalExpr.Aggregate aggregate -> {
                if (aggregate.input() != null) {
                    columnsExist(aggregate.input(), schema, context);
                }
            }
            case LogicalExpr.Window window -> window.children().forEach(c -> columnsExist(c, schema, context));
        }
    }

    /**
     * A node's stored output schema, checked against the one derived from its inputs: the plan keeps each node's
     * schema so that asking for it costs nothing, and a stale one is a bug in whoever built the node.
     */
    static void storedSchema(String node, Schema stored, Schema derived) {
        Objects.requireNonNull(stored, "schema");
        if (!stored.equals(derived)) {
            throw FloeException.internal(node + " was given the output schema " + stored
                    + " but its inputs give " + derived);
        }
    }

    static void isBoolean(LogicalExpr predicate, String context) {
        if (!(predicate.type() instanceof DataType.BooleanType)) {
            throw FloeException.internal(context + " predicate has type " + predicate.type() + ", not Boolean");
        }
    }
}
