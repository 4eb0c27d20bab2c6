package dev.floe.exec.planner;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.aggregate.GroupState;
import dev.floe.exec.expr.Casts;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agg.over(partitionBy)}: the aggregate is computed per partition key with a hash aggregation and
 * broadcast back to every row of its partition (a gather by group id); a function without aggregates is
 * evaluated row by row. Each window becomes a hidden column {@code __window_<i>} of the input.
 */
final class WindowPlanner {
    private WindowPlanner() {
    }

    /** The input with the window columns appended, and the expressions reading them instead of the windows. */
    record Windowed(Batch batch, List<LogicalExpr> expressions) {
    }

    static Windowed compute(LogicalPlan inputPlan, List<LogicalExpr> expressions, PhysicalPlanner planner) {
        Batch input = planner.materializeOne(inputPlan);
        List<LogicalExpr.Window> windows = new ArrayList<>();
        for (LogicalExpr expr : expressions) {
            ExprRewriter.collect(expr, LogicalExpr.Window.class, windows);
        }
        List<Field> fields = new ArrayList<>(input.schema().fields());
        List<Vector> columns = new ArrayList<>(input.columns());
        for (int w = 0; w < windows.size(); w++) {
            fields.add(new Field(columnName(w), windows.get(w).type()));
            columns.add(evaluate(windows.get(w), input));
        }
        Batch extended = new Batch(new Schema(fields), columns, input.rowCount());
        List<LogicalExpr> rewritten = new ArrayList<>(expressions.size());
        for (LogicalExpr expr : expressions) {
            rewritten.add(ExprRewriter.replace(expr, node -> node instanceof LogicalExpr.Window window
                    ? new LogicalExpr.Column(columnName(windows.indexOf(window)), window.type()) : null));
        }
        return new Windowed(extended, rewritten);
    }

    private static String columnName(int index) {
        return "__window_" + index;
    }

    private static Vector evaluate(LogicalExpr.Window window, Batch input) {
        Schema schema = input.schema();
        Vector result;
        if (!ExprRewriter.contains(window.function(), node -> node instanceof LogicalExpr.Aggregate)) {
            result = ExpressionCompiler.compile(window.function(), schema).evaluate(input);
        } else {
            List<Evaluator> keys = new ArrayList<>();
            List<DataType> keyTypes = new ArrayList<>();
            for (LogicalExpr key : window.partitionBy()) {
                keys.add(ExpressionCompiler.compile(key, schema));
                keyTypes.add(key.type());
            }
            GroupedExpressions grouped = new GroupedExpressions(List.of(window.function()));
            GroupState state = new GroupState(keys, keyTypes, grouped.inputs(schema));
            int[] groups = state.add(input, 0);
            List<Vector> perGroup = state.finish();
            List<Vector> aggregated = perGroup.subList(keys.size(), perGroup.size());
            Vector values = grouped.evaluate(aggregated, state.groupCount()).getFirst();
            result = values.take(groups, groups.length);
        }
        return result.type().equals(window.type()) ? result : Casts.cast(result, window.type(), false);
    }
}
