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
        return keep(input, input);
    }

    /**
     * The rows of {@code output} (columns of {@code input}'s rows, possibly fewer columns) where the predicate,
     * evaluated on {@code input}, is true: a scan filters by columns it then drops without copying them.
     */
    public Batch keep(Batch input, Batch output) {
        BooleanVector mask = Booleans.of(predicate.evaluate(input));
        int[] rows = Booleans.selection(mask);
        if (rows.length == input.rowCount()) {
            return output;
        }
        return output.take(rows, rows.length);
    }
}
