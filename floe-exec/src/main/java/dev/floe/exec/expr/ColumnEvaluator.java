package dev.floe.exec.expr;

import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;

/** Reads an input column by position. */
record ColumnEvaluator(int index) implements Evaluator {
    @Override
    public Vector evaluate(Batch batch) {
        return batch.column(index);
    }
}
