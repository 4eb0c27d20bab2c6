package dev.floe.plan.resolve;

import static dev.floe.plan.resolve.Dsl.add;
import static dev.floe.plan.resolve.Dsl.agg;
import static dev.floe.plan.resolve.Dsl.alias;
import static dev.floe.plan.resolve.Dsl.binary;
import static dev.floe.plan.resolve.Dsl.col;
import static dev.floe.plan.resolve.Dsl.fn;
import static dev.floe.plan.resolve.Dsl.lit;
import static dev.floe.plan.resolve.Dsl.select;
import static dev.floe.plan.resolve.Dsl.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.QuantileMethod;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolverTypesTest {
    private final Resolver resolver = new Resolver(source -> {
        throw new AssertionError("no scans in this test");
    });

    private Field field(Expr expr) {
        LogicalPlan plan = resolver.resolve(select(table(), expr));
        return plan.schema().field(0);
    }

    private LogicalExpr resolved(Expr expr) {
        Project project = (Project) resolver.resolve(select(table(), expr));
        return project.exprs().getFirst().expr();
    }

    @Test
    void literalIntegersAdaptToTheColumnType() {
        assertThat(field(add(col("i32"), lit(1)))).isEqualTo(Field.of("i32", DataType.INT32));
        assertThat(field(add(col("i8"), lit(1)))).isEqualTo(Field.of("i8", DataType.INT8));
        assertThat(field(add(col("u8"), lit(1)))).isEqualTo(Field.of("u8", DataType.UINT8));
        assertThat(field(add(col("f32"), lit(1)))).isEqualTo(Field.of("f32", DataType.FLOAT32));
        LogicalExpr.Binary binary = (LogicalExpr.Binary) resolved(add(col("i32"), lit(1)));
        assertThat(binary.right()).isEqualTo(new LogicalExpr.Literal(1, DataType.INT32));
        assertThat(binary.left()).isEqualTo(new LogicalExpr.Column("i32", DataType.INT32));
    }

    @Test
    void literalIntegersTooBigForTheColumnWiden() {
        assertThat(field(add(col("i8"), lit(1000))).type()).isEqualTo(DataType.INT64);
        assertThat(field(add(col("u8"), lit(-1))).type()).isEqualTo(DataType.INT64);
    }

    @Test
    void literalFloatsMakeIntegersFloat64AndKeepFloat32() {
        assertThat(field(add(col("i32"), lit(1.5))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(add(col("f32"), lit(1.5))).type()).isEqualTo(DataType.FLOAT32);
        LogicalExpr.Binary binary = (LogicalExpr.Binary) resolved(add(col("i32"), lit(1.5)));
        assertThat(binary.left()).isEqualTo(new LogicalExpr.Cast(new LogicalExpr.Column("i32", DataType.INT32),
                DataType.FLOAT64, false));
    }

    @Test
    void columnPairsMeetAtTheirSupertype() {
        assertThat(field(add(col("i32"), col("i64"))).type()).isEqualTo(DataType.INT64);
        assertThat(field(add(col("i32"), col("f64"))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(add(col("i32"), col("f32"))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(add(col("i8"), col("f32"))).type()).isEqualTo(DataType.FLOAT32);
        assertThat(field(add(col("u8"), col("i8"))).type()).isEqualTo(DataType.INT16);
        assertThat(field(add(col("u32"), col("i32"))).type()).isEqualTo(DataType.INT64);
        assertThat(field(add(col("u32"), col("i64"))).type()).isEqualTo(DataType.INT64);
        assertThat(field(add(col("u64"), col("i64"))).type()).isEqualTo(DataType.FLOAT64);
        LogicalExpr.Binary binary = (LogicalExpr.Binary) resolved(add(col("i32"), col("i64")));
        assertThat(binary.left().type()).isEqualTo(binary.right().type());
        assertThat(binary.left()).isInstanceOf(LogicalExpr.Cast.class);
    }

    @Test
    void trueDivisionOfIntegersIsFloat64() {
        assertThat(field(binary(col("i32"), BinaryOperator.TRUE_DIVIDE, lit(2))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(binary(col("i32"), BinaryOperator.FLOOR_DIVIDE, lit(2))).type()).isEqualTo(DataType.INT32);
        assertThat(field(binary(col("f32"), BinaryOperator.TRUE_DIVIDE, lit(2))).type()).isEqualTo(DataType.FLOAT32);
    }

    @Test
    void powerKeepsAnIntegerExponentUncast() {
        LogicalExpr.Binary power = (LogicalExpr.Binary) resolved(binary(col("f64"), BinaryOperator.POWER, col("i32")));
        assertThat(power.type()).isEqualTo(DataType.FLOAT64);
        assertThat(power.right().type()).isEqualTo(DataType.INT32);
        assertThat(field(binary(col("i64"), BinaryOperator.POWER, lit(2))).type()).isEqualTo(DataType.INT64);
        assertThat(field(binary(col("i64"), BinaryOperator.POWER, lit(0.5))).type()).isEqualTo(DataType.FLOAT64);
    }

    @Test
    void comparisonsAreBooleanAndDateLiteralsCompareWithDates() {
        assertThat(field(binary(col("i32"), BinaryOperator.LESS, lit(3)))).isEqualTo(Field.of("i32", DataType.BOOLEAN));
        LogicalExpr.Binary withDate = (LogicalExpr.Binary) resolved(binary(col("d"), BinaryOperator.LESS,
                lit(LocalDate.of(1995, 3, 15))));
        assertThat(withDate.right()).isEqualTo(new LogicalExpr.Literal(LocalDate.of(1995, 3, 15), DataType.DATE));
        LogicalExpr.Binary withString = (LogicalExpr.Binary) resolved(binary(col("d"), BinaryOperator.GREATER_EQUAL,
                lit("1995-03-15")));
        assertThat(withString.right()).isEqualTo(new LogicalExpr.Literal(LocalDate.of(1995, 3, 15), DataType.DATE));
        assertThat(field(binary(col("s"), BinaryOperator.EQUAL, lit("x"))).type()).isEqualTo(DataType.BOOLEAN);
    }

    @Test
    void nullLiteralsTakeTheOtherType() {
        LogicalExpr.Binary binary = (LogicalExpr.Binary) resolved(add(col("i64"), lit(null)));
        assertThat(binary.right()).isEqualTo(new LogicalExpr.Literal(null, DataType.INT64));
    }

    @Test
    void outputNamesFollowPolars() {
        assertThat(field(add(lit(1), col("i32"))).name()).isEqualTo("literal");
        assertThat(field(add(col("i64"), col("i32"))).name()).isEqualTo("i64");
        assertThat(field(lit("x")).name()).isEqualTo("literal");
        assertThat(field(alias(col("i32"), "renamed")).name()).isEqualTo("renamed");
        assertThat(field(new Expr.Aggregation(new AggregateFunction.Len(), null))).isEqualTo(
                Field.of("len", DataType.UINT32));
        assertThat(field(new Expr.When(List.of(new Expr.Branch(col("b"), col("f64"))), lit(0))))
                .isEqualTo(Field.of("f64", DataType.FLOAT64));
    }

    @Test
    void aggregationTypesFollowPolars() {
        assertThat(field(agg(new AggregateFunction.Sum(), col("i8"))).type()).isEqualTo(DataType.INT64);
        assertThat(field(agg(new AggregateFunction.Sum(), col("u8"))).type()).isEqualTo(DataType.INT64);
        assertThat(field(agg(new AggregateFunction.Sum(), col("i32"))).type()).isEqualTo(DataType.INT32);
        assertThat(field(agg(new AggregateFunction.Sum(), col("i64"))).type()).isEqualTo(DataType.INT64);
        assertThat(field(agg(new AggregateFunction.Sum(), col("b"))).type()).isEqualTo(DataType.UINT32);
        assertThat(field(agg(new AggregateFunction.Sum(), col("f32"))).type()).isEqualTo(DataType.FLOAT32);
        assertThat(field(agg(new AggregateFunction.Mean(), col("i32"))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(agg(new AggregateFunction.Median(), col("i64"))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(agg(new AggregateFunction.Std(1), col("i64"))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(agg(new AggregateFunction.Var(0), col("f64"))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(agg(new AggregateFunction.Quantile(0.5, QuantileMethod.LINEAR), col("u8"))).type())
                .isEqualTo(DataType.FLOAT64);
        assertThat(field(agg(new AggregateFunction.Count(), col("s"))).type()).isEqualTo(DataType.UINT32);
        assertThat(field(agg(new AggregateFunction.NUnique(), col("s"))).type()).isEqualTo(DataType.UINT32);
        assertThat(field(agg(new AggregateFunction.Len(), col("s"))).type()).isEqualTo(DataType.UINT32);
        assertThat(field(agg(new AggregateFunction.Min(), col("s"))).type()).isEqualTo(DataType.STRING);
        assertThat(field(agg(new AggregateFunction.Max(), col("d"))).type()).isEqualTo(DataType.DATE);
        assertThat(field(agg(new AggregateFunction.First(), col("u32"))).type()).isEqualTo(DataType.UINT32);
        assertThat(field(agg(new AggregateFunction.Last(), col("b"))).type()).isEqualTo(DataType.BOOLEAN);
    }

    @Test
    void smallIntegerSumsCastTheirInput() {
        LogicalExpr.Aggregate sum = (LogicalExpr.Aggregate) ((dev.floe.plan.logical.Aggregate) resolver.resolve(
                select(table(), agg(new AggregateFunction.Sum(), col("i8"))))).aggregates().getFirst().expr();
        assertThat(sum.input()).isEqualTo(new LogicalExpr.Cast(new LogicalExpr.Column("i8", DataType.INT8),
                DataType.INT64, false));
    }

    @Test
    void functionTypes() {
        assertThat(field(fn(new ScalarFunction.StrLenChars(), col("s"))).type()).isEqualTo(DataType.UINT32);
        assertThat(field(fn(new ScalarFunction.StrContains("a", false), col("s"))).type()).isEqualTo(DataType.BOOLEAN);
        assertThat(field(fn(new ScalarFunction.StrToUppercase(), col("s"))).type()).isEqualTo(DataType.STRING);
        assertThat(field(fn(new ScalarFunction.Year(), col("d"))).type()).isEqualTo(DataType.INT32);
        assertThat(field(fn(new ScalarFunction.Month(), col("d"))).type()).isEqualTo(DataType.INT8);
        assertThat(field(fn(new ScalarFunction.Weekday(), col("d"))).type()).isEqualTo(DataType.INT8);
        assertThat(field(fn(new ScalarFunction.OrdinalDay(), col("d"))).type()).isEqualTo(DataType.INT16);
        assertThat(field(fn(new ScalarFunction.Sqrt(), col("i32"))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(fn(new ScalarFunction.Abs(), col("i8"))).type()).isEqualTo(DataType.INT8);
        assertThat(field(fn(new ScalarFunction.Round(2), col("f64"))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(fn(new ScalarFunction.IsNull(), col("s"))).type()).isEqualTo(DataType.BOOLEAN);
        assertThat(field(fn(new ScalarFunction.FillNull(), col("i32"), lit(0))).type()).isEqualTo(DataType.INT32);
        assertThat(field(fn(new ScalarFunction.FillNull(), col("i32"), lit(0.5))).type()).isEqualTo(DataType.FLOAT64);
        assertThat(field(fn(new ScalarFunction.IsBetween(ClosedInterval.BOTH), col("i64"), lit(1), lit(5))).type())
                .isEqualTo(DataType.BOOLEAN);
    }

    @Test
    void isInValuesAreConvertedToTheColumnType() {
        LogicalExpr.Function isIn = (LogicalExpr.Function) resolved(
                fn(new ScalarFunction.IsIn(java.util.Arrays.asList(1, 2, null)), col("i64")));
        assertThat(((ScalarFunction.IsIn) isIn.function()).values()).containsExactly(1L, 2L, null);
        LogicalExpr.Function dates = (LogicalExpr.Function) resolved(
                fn(new ScalarFunction.IsIn(List.of("2020-01-02")), col("d")));
        assertThat(((ScalarFunction.IsIn) dates.function()).values()).containsExactly(LocalDate.of(2020, 1, 2));
    }

    @Test
    void whenThenBranchesMeetAtACommonType() {
        LogicalExpr.Case caseExpr = (LogicalExpr.Case) resolved(new Expr.When(List.of(
                new Expr.Branch(col("b"), col("i32")),
                new Expr.Branch(binary(col("i64"), BinaryOperator.GREATER, lit(0)), lit(2.5))), lit(null)));
        assertThat(caseExpr.type()).isEqualTo(DataType.FLOAT64);
        assertThat(caseExpr.otherwise()).isEqualTo(new LogicalExpr.Literal(null, DataType.FLOAT64));
        assertThat(caseExpr.branches().getFirst().value().type()).isEqualTo(DataType.FLOAT64);
    }

    @Test
    void explicitCastsAreKept() {
        assertThat(resolved(new Expr.Cast(col("s"), DataType.INT64, true))).isEqualTo(
                new LogicalExpr.Cast(new LogicalExpr.Column("s", DataType.STRING), DataType.INT64, true));
    }
}
