package dev.floe.exec.planner;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.aggregate.AggregateInput;
import dev.floe.exec.expr.Broadcast;
import dev.floe.exec.expr.Casts;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.plan.expr.LogicalExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregate expressions split in two: the distinct {@link LogicalExpr.Aggregate} nodes, computed per group by
 * accumulators, and the row-wise expressions over their results (e.g. {@code sum(a) / count(b)}), evaluated on
 * the aggregated columns named {@code __agg_<i>}.
 */
final class GroupedExpressions {
    private final List<LogicalExpr.Aggregate> aggregates = new ArrayList<>();
    private final List<LogicalExpr> finals = new ArrayList<>();

    GroupedExpressions(List<LogicalExpr> expressions) {
        for (LogicalExpr expr : expressions) {
            ExprRewriter.collect(expr, LogicalExpr.Aggregate.class, aggregates);
        }
        for (LogicalExpr expr : expressions) {
            finals.add(ExprRewriter.replace(expr, node -> node instanceof LogicalExpr.Aggregate aggregate
                    ? new LogicalExpr.Column(columnName(aggregates.indexOf(aggregate)), aggregate.type()) : null));
        }
    }

    private static String columnName(int index) {
        return "__agg_" + index;
    }

    /** The accumulator inputs, compiled against the input schema. */
    List<AggregateInput> inputs(Schema input) {
        List<AggregateInput> inputs = new ArrayList<>(aggregates.size());
        for (LogicalExpr.Aggregate aggregate : aggregates) {
            LogicalExpr argument = aggregate.input();
            inputs.add(new AggregateInput(aggregate.function(),
                    argument == null ? null : ExpressionCompiler.compile(argument, input),
                    argument == null ? DataType.NULL : argument.type(), aggregate.type()));
        }
        return inputs;
    }

    int aggregateCount() {
        return aggregates.size();
    }

    /** The final expressions evaluated over the aggregated columns (one row per group). */
    List<Vector> evaluate(List<Vector> aggregated, int groups) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < aggregates.size(); i++) {
            fields.add(new Field(columnName(i), aggregates.get(i).type()));
        }
        Schema schema = new Schema(fields);
        Batch batch = new Batch(schema, aggregated, groups);
        List<Vector> out = new ArrayList<>(finals.size());
        for (LogicalExpr expr : finals) {
            Evaluator evaluator = ExpressionCompiler.compile(expr, schema);
            Vector vector = expr instanceof LogicalExpr.Literal literal
                    ? Broadcast.of(literal.type(), literal.value(), groups) : evaluator.evaluate(batch);
            if (!vector.type().equals(expr.type())) {
                vector = Casts.cast(vector, expr.type(), false);
            }
            out.add(vector);
        }
        return out;
    }
}
