package dev.floe.plan.optimizer;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Small helpers for building plans and expressions in optimizer tests; columns default to Int64. */
public final class PlanBuilder {
    private PlanBuilder() {
    }

    /** Fields from "name" (Int64) or "name:str" / "name:i32" / "name:f64" / "name:bool" / "name:date". */
    public static Schema schema(String... columns) {
        List<Field> fields = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split(":");
            fields.add(Field.of(parts[0], parts.length == 1 ? DataType.INT64 : type(parts[1])));
        }
        return new Schema(fields);
    }

    private static DataType type(String name) {
        return switch (name) {
            case "str" -> DataType.STRING;
            case "i32" -> DataType.INT32;
            case "f64" -> DataType.FLOAT64;
            case "bool" -> DataType.BOOLEAN;
            case "date" -> DataType.DATE;
            default -> DataType.INT64;
        };
    }

    public static InMemory memory(String... columns) {
        return new InMemory(schema(columns), List.of());
    }

    public static Scan scan(String path, String... columns) {
        return Scan.of(new ScanSource(FileFormat.PARQUET, List.of(path), Map.of()), schema(columns));
    }

    public static LogicalExpr col(String name) {
        return new LogicalExpr.Column(name, DataType.INT64);
    }

    public static LogicalExpr col(String name, DataType type) {
        return new LogicalExpr.Column(name, type);
    }

    public static LogicalExpr lit(long value) {
        return new LogicalExpr.Literal(value, DataType.INT64);
    }

    public static LogicalExpr lit(String value) {
        return new LogicalExpr.Literal(value, DataType.STRING);
    }

    public static LogicalExpr lit(boolean value) {
        return new LogicalExpr.Literal(value, DataType.BOOLEAN);
    }

    public static LogicalExpr binary(BinaryOperator operator, LogicalExpr left, LogicalExpr right) {
        DataType type = operator.isComparison() || operator.isLogical() && left.type() instanceof DataType.BooleanType
                ? DataType.BOOLEAN : left.type();
        return new LogicalExpr.Binary(operator, left, right, type);
    }

    public static LogicalExpr eq(LogicalExpr left, LogicalExpr right) {
        return binary(BinaryOperator.EQUAL, left, right);
    }

    public static LogicalExpr gt(LogicalExpr left, LogicalExpr right) {
        return binary(BinaryOperator.GREATER, left, right);
    }

    public static LogicalExpr lt(LogicalExpr left, LogicalExpr right) {
        return binary(BinaryOperator.LESS, left, right);
    }

    public static LogicalExpr add(LogicalExpr left, LogicalExpr right) {
        return binary(BinaryOperator.ADD, left, right);
    }

    public static LogicalExpr mul(LogicalExpr left, LogicalExpr right) {
        return binary(BinaryOperator.MULTIPLY, left, right);
    }

    public static LogicalExpr and(LogicalExpr... operands) {
        return Expressions.and(Arrays.asList(operands));
    }

    public static LogicalExpr or(LogicalExpr left, LogicalExpr right) {
        return binary(BinaryOperator.OR, left, right);
    }

    public static LogicalExpr not(LogicalExpr operand) {
        return new LogicalExpr.Function(new ScalarFunction.Not(), List.of(operand), operand.type());
    }

    public static LogicalExpr isIn(LogicalExpr input, Object... values) {
        return new LogicalExpr.Function(new ScalarFunction.IsIn(Arrays.asList(values)), List.of(input),
                DataType.BOOLEAN);
    }

    public static LogicalExpr isBetween(LogicalExpr input, LogicalExpr lower, LogicalExpr upper,
            ClosedInterval closed) {
        return new LogicalExpr.Function(new ScalarFunction.IsBetween(closed), List.of(input, lower, upper),
                DataType.BOOLEAN);
    }

    public static LogicalExpr sum(LogicalExpr input) {
        return new LogicalExpr.Aggregate(new AggregateFunction.Sum(), input, input.type());
    }

    public static LogicalExpr windowSum(LogicalExpr input, LogicalExpr partition) {
        return new LogicalExpr.Window(sum(input), List.of(partition), input.type());
    }

    public static NamedExpr named(String name, LogicalExpr expr) {
        return new NamedExpr(name, expr);
    }

    public static Filter filter(LogicalPlan input, LogicalExpr predicate) {
        return new Filter(input, predicate);
    }

    /** A select of plain columns (Int64 unless the input says otherwise). */
    public static Project select(LogicalPlan input, String... names) {
        List<NamedExpr> exprs = new ArrayList<>();
        for (String name : names) {
            exprs.add(NamedExpr.column(name, input.schema().field(name).type()));
        }
        return new Project(input, exprs);
    }

    public static Project project(LogicalPlan input, NamedExpr... exprs) {
        return new Project(input, List.of(exprs));
    }

    public static WithColumns withColumns(LogicalPlan input, NamedExpr... exprs) {
        return new WithColumns(input, List.of(exprs));
    }

    public static Aggregate aggregate(LogicalPlan input, List<String> keys, NamedExpr... aggregates) {
        List<NamedExpr> keyExprs = keys.stream().map(k -> NamedExpr.column(k, input.schema().field(k).type()))
                .toList();
        return new Aggregate(input, keyExprs, List.of(aggregates), false);
    }

    public static Join join(LogicalPlan left, LogicalPlan right, JoinType type, String leftKey, String rightKey) {
        return new Join(left, right, type, List.of(col(leftKey, left.schema().field(leftKey).type())),
                List.of(col(rightKey, right.schema().field(rightKey).type())), "_right");
    }

    public static Join cross(LogicalPlan left, LogicalPlan right) {
        return new Join(left, right, JoinType.CROSS, List.of(), List.of(), "_right");
    }

    public static Sort sort(LogicalPlan input, String column) {
        return new Sort(input, List.of(new SortKey(col(column, input.schema().field(column).type()), false, false)),
                false, -1);
    }

    /** Every node of the given class in the plan, in pre-order. */
    public static <T extends LogicalPlan> List<T> find(LogicalPlan plan, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(plan, type, found);
        return found;
    }

    private static <T extends LogicalPlan> void collect(LogicalPlan plan, Class<T> type, List<T> found) {
        if (type.isInstance(plan)) {
            found.add(type.cast(plan));
        }
        for (LogicalPlan input : plan.inputs()) {
            collect(input, type, found);
        }
    }

    /** The only node of the class; fails when there is none or more than one. */
    public static <T extends LogicalPlan> T only(LogicalPlan plan, Class<T> type) {
        List<T> found = find(plan, type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " in\n" + PlanText.render(plan)
                    + "found " + found.size());
        }
        return found.getFirst();
    }
}
