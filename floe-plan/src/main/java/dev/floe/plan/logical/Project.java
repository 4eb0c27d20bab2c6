package dev.floe.plan.logical;

import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.NamedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code select}: exactly the given expressions, in order, as the output columns; {@code schema} is that output
 * schema (the constructor without it derives it).
 */
public record Project(LogicalPlan input, List<NamedExpr> exprs, Schema schema) implements LogicalPlan {
    public Project(LogicalPlan input, List<NamedExpr> exprs) {
        this(input, exprs, outputSchema(exprs));
    }

    public Project {
        Objects.requireNonNull(input, "input");
        exprs = List.copyOf(exprs);
        Schema inputSchema = input.schema();
        for (NamedExpr expr : exprs) {
            PlanChecks.columnsExist(expr.expr(), inputSchema, "select of '" + expr.name() + "'");
        }
        PlanChecks.storedSchema("select", schema, outputSchema(exprs));
    }

    static Schema outputSchema(List<NamedExpr> exprs) {
        List<Field> fields = new ArrayList<>(exprs.size());
        for (NamedExpr expr : exprs) {
            fields.add(expr.field());
        }
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 1);
        return new Project(inputs.getFirst(), exprs);
    }
}
