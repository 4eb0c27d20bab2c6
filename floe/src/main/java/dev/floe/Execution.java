package dev.floe;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.QueryOutput;
import dev.floe.plan.logical.LogicalPlan;

/** Runs resolved plans on the local executor: the one place the API reaches the engine. */
final class Execution {
    private Execution() {
    }

    static QueryOutput run(LogicalPlan plan, ExecutionOptions options) {
        throw new FloeException(ErrorCode.INTERNAL, "the local executor is not available in this build yet;"
                + " explain() and collectSchema() work, collect() and sinks do not");
    }
}
