package dev.floe.exec.planner;

import dev.floe.core.types.Schema;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.operator.ProjectOperator;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * select and with_columns: a streaming projection. Window expressions need the whole input first: then the
 * input is materialized, the windows computed as extra columns ({@link WindowPlanner}) and projected from.
 */
final class ProjectPlanner {
    private ProjectPlanner() {
    }

    static Pipeline plan(Project project, PhysicalPlanner planner) {
        return plan(project.input(), project.exprs(), project.schema(), planner);
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
        boolean windows = exprs.stream().anyMatch(e -> ExprRewriter.contains(e.expr(),
                node -> node instanceof LogicalExpr.Window));
        Pipeline input;
        List<LogicalExpr> expressions = new ArrayList<>();
        for (NamedExpr expr : exprs) {
            expressions.add(expr.expr());
        }
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
