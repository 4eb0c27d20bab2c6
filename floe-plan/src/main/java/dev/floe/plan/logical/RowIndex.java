package dev.floe.plan.logical;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code with_row_index}: a first column {@code name} of type UInt32 numbering rows from {@code offset}, then the
 * input's columns; {@code schema} is that output schema (the constructor without it derives it).
 */
public record RowIndex(LogicalPlan input, String name, long offset, Schema schema) implements LogicalPlan {
    public RowIndex(LogicalPlan input, String name, long offset) {
        this(input, name, offset, outputSchema(input.schema(), name));
    }

    public RowIndex {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(name, "name");
        if (offset < 0) {
            throw dev.floe.core.FloeException.invalidArgument("row index offset must be >= 0, got " + offset);
        }
        PlanChecks.storedSchema("with_row_index", schema, outputSchema(input.schema(), name));
    }

    private static Schema outputSchema(Schema inputSchema, String name) {
        List<Field> fields = new ArrayList<>(inputSchema.size() + 1);
        fields.add(Field.of(name, DataType.UINT32));
        fields.addAll(inputSchema.fields());
        return new Schema(fields);
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 1);
        return new RowIndex(inputs.getFirst(), name, offset);
    }
}
