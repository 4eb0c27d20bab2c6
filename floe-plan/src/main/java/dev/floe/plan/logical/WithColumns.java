package dev.floe.plan.logical;

import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.NamedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code with_columns}: the input's columns, where an expression named like an input column replaces it in
 * place and the others are appended in order. Every expression sees the input, not its siblings. {@code schema}
 * is that output schema, kept with the node (the constructor without it derives it).
 */
public record WithColumns(LogicalPlan input, List<NamedExpr> exprs, Schema schema) implements LogicalPlan {
    public WithColumns(LogicalPlan input, List<NamedExpr> exprs) {
        this(input, exprs, outputSchema(input.schema(), exprs));
    }

    public WithColumns {
        Objects.requireNonNull(input, "input");
        exprs = List.copyOf(exprs);
        Schema inputSchema = input.schema();
        for (NamedExpr expr : exprs) {
            PlanChecks.columnsExist(expr.expr(), inputSchema, "with_columns of '" + expr.name() + "'");
        }
        Project.outputSchema(exprs);
        PlanChecks.storedSchema("with_columns", schema, outputSchema(inputSchema, exprs));
    }

    private static Schema outputSchema(Schema inputSchema, List<NamedExpr> exprs) {
        List<Field> fields = new ArrayList<>(inputSchema.fields());
        for (NamedExpr expr : exprs) {
            int index = inputSchema.indexOf(expr.name());
            if (index >= 0) {
                fields.set(index, expr.field());
            } else {
                fields.add(expr.field());
            }
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
        return new WithColumns(inputs.getFirst(), exprs);
    }
}
