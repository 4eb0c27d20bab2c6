package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;

/** A constant, broadcast to the batch length only when a consumer needs a whole vector. */
record LiteralEvaluator(Object value, DataType type) implements Evaluator {
    @Override
    public Vector evaluate(Batch batch) {
        return Broadcast.of(type, value, batch.rowCount());
    }

    @Override
    public Constant constant() {
        return Constant.of(value);
    }
}
