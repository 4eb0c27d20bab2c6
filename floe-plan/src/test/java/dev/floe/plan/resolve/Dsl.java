package dev.floe.plan.resolve;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ScalarFunction;
import java.util.List;

/** Short builders of DSL trees for tests. */
final class Dsl {
    private Dsl() {
    }

    static final Schema SCHEMA = Schema.of(Field.of("i8", DataType.INT8), Field.of("i32", DataType.INT32),
            Field.of("i64", DataType.INT64), Field.of("u8", DataType.UINT8), Field.of("u32", DataType.UINT32),
            Field.of("u64", DataType.UINT64), Field.of("f32", DataType.FLOAT32), Field.of("f64", DataType.FLOAT64),
            Field.of("s", DataType.STRING), Field.of("b", DataType.BOOLEAN), Field.of("d", DataType.DATE));

    static DslPlan table() {
        return new DslPlan.InMemory(SCHEMA, List.of());
    }

    static DslPlan table(Schema schema) {
        return new DslPlan.InMemory(schema, List.of());
    }

    static Expr col(String name) {
        return new Expr.Column(name);
    }

    static Expr lit(Object value) {
        return new Expr.Literal(value, null);
    }

    static Expr binary(Expr left, BinaryOperator operator, Expr right) {
        return new Expr.Binary(operator, left, right);
    }

    static Expr add(Expr left, Expr right) {
        return binary(left, BinaryOperator.ADD, right);
    }

    static Expr agg(AggregateFunction function, Expr input) {
        return new Expr.Aggregation(function, input);
    }

    static Expr sum(Expr input) {
        return agg(new AggregateFunction.Sum(), input);
    }

    static Expr fn(ScalarFunction function, Expr... arguments) {
        return new Expr.Function(function, List.of(arguments));
    }

    static Expr alias(Expr input, String name) {
        return new Expr.Alias(input, name);
    }

    static DslPlan select(DslPlan input, Expr... exprs) {
        return new DslPlan.Select(input, List.of(exprs));
    }
}
