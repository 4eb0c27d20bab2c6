package dev.floe.plan.optimizer;

import dev.floe.core.FloeException;

/** How often the optimizer runs a batch of rules: once, or until nothing changes (bounded). */
public sealed interface BatchStrategy {
    int maxIterations();

    /** Every rule of the batch runs once, in order. */
    record Once() implements BatchStrategy {
        public int maxIterations() {
            return 1;
        }
    }

    /** The batch repeats until no rule changes the plan, at most {@code maxIterations} times. */
    record FixedPoint(int maxIterations) implements BatchStrategy {
        public FixedPoint {
            if (maxIterations < 1) {
                throw FloeException.invalidArgument("a fixed-point batch needs at least 1 iteration, got "
                        + maxIterations);
            }
        }
    }
}
