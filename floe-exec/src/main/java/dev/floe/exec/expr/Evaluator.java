package dev.floe.exec.expr;

import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;

/** A compiled expression: computes one whole output vector from an input batch. Stateless and thread-safe. */
public interface Evaluator {
    Vector evaluate(Batch batch);

    /** The constant this evaluator always yields, or {@link Constant#NONE} when it depends on the rows. */
    default Constant constant() {
        return Constant.NONE;
    }
}
