package dev.floe.exec.planner;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.operator.ProjectOperator;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * select and with_columns: a streaming projection. Window expressions need the whole input first: then the
 * input is materialized, the windows computed as extra columns ({@link WindowPlanner}) and projected from. A
 * select of only aggregates and literals is a one-row aggregation; an aggregate beside row-wise outputs is
 * broadcast to every row.
 */
final class ProjectPlanner {
    private ProjectPlanner() {
    }

    static Pipeline plan(Project project, PhysicalPlanner planner) {
        boolean reduces = project.exprs().stream().allMatch(e -> e.expr() instanceof LogicalExpr.Literal
                || hasBareAggregate(e.expr()));
        if (reduces && !project.exprs().isEmpty()) {
            return AggregatePlanner.plan(new Aggregate(project.input(), List.of(), project.exprs(), false), planner);
        }
        return plan(project.input(), project.exprs(), project.schema(), planner);
    }

    /** Whether the expression aggregates over the whole input (an aggregate not inside a window). */
    static boolean hasBareAggregate(LogicalExpr expr) {
        if (expr instanceof LogicalExpr.Aggregate) {
            return true;
        }
        if (expr instanceof LogicalExpr.Window) {
            return false;
        }
        for (LogicalExpr child : expr.children()) {
            if (hasBareAggregate(child)) {
                return true;
            }
        }
        return false;
    }

    /** A bare aggregate next to row-wise outputs is broadcast: a window over one constant partition. */
    private static LogicalExpr broadcastAggregates(LogicalExpr expr) {
        return ExprRewriter.replace(expr, node -> switch (node) {
            case LogicalExpr.Window window -> window;
            case LogicalExpr.Aggregate aggregate -> new LogicalExpr.Window(aggregate,
                    List.of(new LogicalExpr.Literal(Boolean.TRUE, DataType.BOOLEAN)), aggregate.type());
            case LogicalExpr.Column _, LogicalExpr.Literal _, LogicalExpr.Cast _, LogicalExpr.Binary _,
                    LogicalExpr.Function _, LogicalExpr.Case _ -> null;
        });
    }

    static Pipeline plan(WithColumns withColumns, PhysicalPlanner planner) {
        Schema inputSchema = withColumns.input().schema();
        List<NamedExpr> outputs = new ArrayList<>();
        for (var field : inputSchema.fields()) {
            outputs.add(NamedExpr.column(field.name(), field.type()));
        }
        for (NamedExpr expr : withColumns.exprs()) {
            int index = inputSchema.indexOf(expr.name());
            if (index >= 0) {
                outputs.set(index, expr);
            } else {
                outputs.add(expr);
            }
        }
        return plan(withColumns.input(), outputs, withColumns.schema(), planner);
    }

    private static Pipeline plan(LogicalPlan inputPlan, List<NamedExpr> exprs, Schema schema, PhysicalPlanner planner) {
        Pipeline input;
        List<LogicalExpr> expressions = new ArrayList<>();
        for (NamedExpr expr : exprs) {
            expressions.add(broadcastAggregates(expr.expr()));
        }
        boolean windows = expressions.stream().anyMatch(e -> ExprRewriter.contains(e,
                node -> node instanceof LogicalExpr.Window));
        if (windows) {
            WindowPlanner.Windowed windowed = WindowPlanner.compute(inputPlan, expressions, planner);
            input = planner.source(windowed.batch().schema(), List.of(windowed.batch()));
            expressions = windowed.expressions();
        } else {
            input = planner.plan(inputPlan);
        }
        List<Evaluator> evaluators = new ArrayList<>(expressions.size());
        for (LogicalExpr expr : expressions) {
            evaluators.add(ExpressionCompiler.compile(expr, input.schema()));
        }
        return input.then(new ProjectOperator(evaluators, schema), schema);
    }
}
