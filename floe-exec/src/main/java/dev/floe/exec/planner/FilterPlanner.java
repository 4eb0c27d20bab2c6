package dev.floe.exec.planner;

import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.operator.FilterOperator;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.logical.Filter;

/** Filter: a streaming operator appended to the input's pipeline. */
final class FilterPlanner {
    private FilterPlanner() {
    }

    static Pipeline plan(Filter filter, PhysicalPlanner planner) {
        Pipeline input = planner.plan(filter.input());
        return input.then(new FilterOperator(ExpressionCompiler.compile(filter.predicate(), input.schema())),
                filter.schema());
    }
}
