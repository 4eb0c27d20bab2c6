package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;

/** Converts the input to {@code type}; see {@link Casts}. */
record CastEvaluator(Evaluator input, DataType type, boolean strict) implements Evaluator {
    @Override
    public Vector evaluate(Batch batch) {
        return Casts.cast(input.evaluate(batch), type, strict);
    }
}
