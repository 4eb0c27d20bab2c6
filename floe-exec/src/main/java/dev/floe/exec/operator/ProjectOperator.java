package dev.floe.exec.operator;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Casts;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.pipeline.StreamingOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes output columns from the input batch: select (every output is an expression) and with_columns (an
 * pass-through input column is a column evaluator).
 */
public record ProjectOperator(List<Evaluator> outputs, Schema schema) implements StreamingOperator {
    public ProjectOperator {
        outputs = List.copyOf(outputs);
    }

    @Override
    public Batch apply(Batch input) {
        List<Vector> columns = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            Vector vector = outputs.get(i).evaluate(input);
            var type = schema.field(i).type();
            if (!vector.type().equals(type)) {
                vector = Casts.cast(vector, type, false);
            }
            columns.add(vector);
        }
        return new Batch(schema, columns, input.rowCount());
    }
}
