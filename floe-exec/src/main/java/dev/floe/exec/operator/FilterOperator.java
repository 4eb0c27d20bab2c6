package dev.floe.exec.operator;

import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BooleanVector;
import dev.floe.exec.expr.Booleans;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.pipeline.StreamingOperator;

/** Keeps the rows where the predicate is true (null counts as false). */
public record FilterOperator(Evaluator predicate) implements StreamingOperator {
    @Override
    public Batch apply(Batch input) {
        BooleanVector mask = Booleans.of(predicate.evaluate(input));
        int[] rows = Booleans.selection(mask);
        if (rows.length == input.rowCount()) {
            return input;
        }
        return input.take(rows, rows.length);
    }
}
