package dev.floe.plan.logical;

import dev.floe.core.FloeException;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code group_by(keys).agg(aggregates)}: one row per distinct key combination (null is a key value), keys
 * first then aggregates. Each aggregate expression combines {@link LogicalExpr.Aggregate} nodes over the
 * input with row-wise functions (e.g. {@code sum(a) / count(b)}). With no keys the result is one row.
 * {@code maintainOrder} keeps groups in the order of their first row. {@code schema} is the output schema (the
 * constructor without it derives it).
 */
public record Aggregate(LogicalPlan input, List<NamedExpr> keys, List<NamedExpr> aggregates, boolean maintainOrder,
        Schema schema) implements LogicalPlan {
    public Aggregate(LogicalPlan input, List<NamedExpr> keys, List<NamedExpr> aggregates, boolean maintainOrder) {
        this(input, keys, aggregates, maintainOrder, schemaOf(keys, aggregates));
    }

    public Aggregate {
        Objects.requireNonNull(input, "input");
        keys = List.copyOf(keys);
        aggregates = List.copyOf(aggregates);
        Schema inputSchema = input.schema();
        for (NamedExpr key : keys) {
            PlanChecks.columnsExist(key.expr(), inputSchema, "group key '" + key.name() + "'");
        }
        for (NamedExpr aggregate : aggregates) {
            PlanChecks.columnsExist(aggregate.expr(), inputSchema, "aggregation '" + aggregate.name() + "'");
            if (!containsAggregate(aggregate.expr()) && !(aggregate.expr() instanceof LogicalExpr.Literal)) {
                throw FloeException.internal("aggregation '" + aggregate.name() + "' has no aggregate function");
            }
        }
        PlanChecks.storedSchema("group_by", schema, schemaOf(keys, aggregates));
    }

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

    private static Schema schemaOf(List<NamedExpr> keys, List<NamedExpr> aggregates) {
        List<Field> fields = new ArrayList<>(keys.size() + aggregates.size());
        keys.forEach(k -> fields.add(k.field()));
        aggregates.forEach(a -> fields.add(a.field()));
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 1);
        return new Aggregate(inputs.getFirst(), keys, aggregates, maintainOrder);
    }
}
