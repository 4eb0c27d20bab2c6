package dev.floe.plan.optimizer;

import dev.floe.plan.logical.LogicalPlan;

/**
 * One rewrite of a whole logical plan that keeps its meaning and output schema; the {@link Optimizer} runs
 * rules in batches, checks the schema after each and names the rule when something goes wrong.
 */
public interface OptimizerRule {
    /** The snake_case name used to disable the rule and in error messages. */
    String name();

    /** The rewritten plan and whether anything changed. */
    Transformed<LogicalPlan> rewrite(LogicalPlan plan);
}
