package dev.floe.exec.planner;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.aggregate.GroupState;
import dev.floe.exec.aggregate.HashAggregateSink;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.exec.pipeline.PipelineRunner;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Aggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * group_by().agg(): a parallel hash aggregation (thread-local tables merged at the end), then the row-wise
 * parts of the aggregate expressions over the aggregated columns.
 */
final class AggregatePlanner {
    private AggregatePlanner() {
    }

    static Pipeline plan(Aggregate aggregate, PhysicalPlanner planner) {
        Pipeline input = planner.plan(aggregate.input());
        Schema inputSchema = input.schema();
        List<Evaluator> keys = new ArrayList<>();
        List<DataType> keyTypes = new ArrayList<>();
        for (NamedExpr key : aggregate.keys()) {
            keys.add(ExpressionCompiler.compile(key.expr(), inputSchema));
            keyTypes.add(key.expr().type());
        }
        List<LogicalExpr> expressions = new ArrayList<>();
        aggregate.aggregates().forEach(a -> expressions.add(a.expr()));
        GroupedExpressions grouped = new GroupedExpressions(expressions);
        HashAggregateSink sink = new HashAggregateSink(keys, keyTypes, grouped.inputs(inputSchema),
                aggregate.maintainOrder());
        List<GroupState> locals = PipelineRunner.run(planner.context(), input, sink);
        List<Vector> columns = sink.finish(locals, planner.context().pool(),
                planner.context().threads());
        int groups = columns.isEmpty() ? 1 : columns.getFirst().length();
        List<Vector> output = new ArrayList<>(columns.subList(0, keys.size()));
        output.addAll(grouped.evaluate(columns.subList(keys.size(), columns.size()), groups));
        Schema schema = aggregate.schema();
        return planner.source(schema, List.of(new Batch(schema, output, groups)));
    }
}
