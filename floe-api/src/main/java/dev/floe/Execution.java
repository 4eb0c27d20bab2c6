package dev.floe;

import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.exec.QueryOutput;
import dev.floe.plan.logical.LogicalPlan;

/** Runs resolved plans on the local executor: the one place the API reaches the engine. */
final class Execution {
    private Execution() {
    }

    static QueryOutput run(LogicalPlan plan, ExecutionOptions options) {
        return new LocalExecutor(options).execute(plan);
    }
}
