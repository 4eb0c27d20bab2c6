package dev.floe.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.io.TableOpener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds small in-memory plans and expressions, and runs plans under several thread counts and morsel sizes. */
final class TestPlans {
    private TestPlans() {
    }

    /** A frame from columns: alternating name, type, then values per column via {@link #column}. */
    static InMemory frame(Column... columns) {
        List<Field> fields = new ArrayList<>();
        List<Vector> vectors = new ArrayList<>();
        for (Column column : columns) {
            fields.add(new Field(column.name(), column.type()));
            vectors.add(Vectors.fromObjects(column.type(), column.values()));
        }
        Schema schema = new Schema(fields);
        return new InMemory(schema, List.of(new Batch(schema, vectors)));
    }

    record Column(String name, DataType type, List<Object> values) {
    }

    static Column column(String name, DataType type, Object... values) {
        return new Column(name, type, Arrays.asList(values));
    }

    static LogicalExpr.Column col(String name, DataType type) {
        return new LogicalExpr.Column(name, type);
    }

    static LogicalExpr.Literal lit(Object value, DataType type) {
        return new LogicalExpr.Literal(value, type);
    }

    static LogicalExpr.Binary binary(BinaryOperator operator, LogicalExpr left, LogicalExpr right, DataType type) {
        return new LogicalExpr.Binary(operator, left, right, type);
    }

    static LogicalExpr.Binary compare(BinaryOperator operator, LogicalExpr left, LogicalExpr right) {
        return new LogicalExpr.Binary(operator, left, right, DataType.BOOLEAN);
    }

    static LogicalExpr.Function function(ScalarFunction function, DataType type, LogicalExpr... arguments) {
        return new LogicalExpr.Function(function, List.of(arguments), type);
    }

    static LogicalExpr.Aggregate aggregate(AggregateFunction function, LogicalExpr input, DataType type) {
        return new LogicalExpr.Aggregate(function, input, type);
    }

    static NamedExpr named(String name, LogicalExpr expr) {
        return new NamedExpr(name, expr);
    }

    /** Runs the plan with 1 thread, and with 2 and 3 threads on morsels of 3 and 1 rows; all must agree. */
    static List<List<Object>> rows(LogicalPlan plan) {
        return rows(plan, TableOpener.FILES);
    }

    /** As {@link #rows(LogicalPlan)}, with scans opening their tables through {@code tables}. */
    static List<List<Object>> rows(LogicalPlan plan, TableOpener tables) {
        List<List<Object>> expected = rows(plan, new ExecutionOptions(1, 65_536), tables);
        assertThat(rows(plan, new ExecutionOptions(2, 3), tables)).as("2 threads, morsels of 3 rows")
                .isEqualTo(expected);
        assertThat(rows(plan, new ExecutionOptions(3, 1), tables)).as("3 threads, morsels of 1 row")
                .isEqualTo(expected);
        return expected;
    }

    static List<List<Object>> rows(LogicalPlan plan, ExecutionOptions options) {
        return rows(plan, options, TableOpener.FILES);
    }

    static List<List<Object>> rows(LogicalPlan plan, ExecutionOptions options, TableOpener tables) {
        QueryOutput output = new LocalExecutor(options, tables).execute(plan);
        assertThat(output.schema()).isEqualTo(plan.schema());
        return rows(output.toSingleBatch());
    }

    /** The rows of {@code batch}, as Java values. */
    static List<List<Object>> rows(Batch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < batch.columnCount(); c++) {
                row.add(batch.column(c).getObject(r));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The single column of a plan's output, as Java values. */
    static List<Object> values(LogicalPlan plan) {
        return values(plan, TableOpener.FILES);
    }

    static List<Object> values(LogicalPlan plan, TableOpener tables) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : rows(plan, tables)) {
            values.add(row.getFirst());
        }
        return values;
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
