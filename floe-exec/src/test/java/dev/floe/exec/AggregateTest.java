package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.QuantileMethod;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.InMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateTest {
    private static final InMemory SALES = frame(
            column("shop", DataType.STRING, "b", "a", "b", null, "a", "b", "a"),
            column("units", DataType.INT64, 1L, 2L, 3L, 4L, null, 5L, 6L),
            column("price", DataType.FLOAT64, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0));

    private static LogicalExpr units() {
        return col("units", DataType.INT64);
    }

    private static LogicalExpr price() {
        return col("price", DataType.FLOAT64);
    }

    private static Aggregate byShop(NamedExpr... aggregates) {
        return new Aggregate(SALES, List.of(NamedExpr.column("shop", DataType.STRING)), List.of(aggregates), true);
    }

    @Test
    void sumCountLenMeanInFirstAppearanceOrderWithNullKeys() {
        List<List<Object>> rows = rows(byShop(
                named("sum", aggregate(new AggregateFunction.Sum(), units(), DataType.INT64)),
                named("count", aggregate(new AggregateFunction.Count(), units(), DataType.UINT32)),
                named("len", aggregate(new AggregateFunction.Len(), null, DataType.UINT32)),
                named("mean", aggregate(new AggregateFunction.Mean(), price(), DataType.FLOAT64))));
        assertThat(rows).containsExactly(
                row("b", 9L, 3L, 3L, 10.0 / 3),
                row("a", 8L, 2L, 3L, 14.0 / 3),
                row(null, 4L, 1L, 1L, 4.0));
    }

    @Test
    void minMaxFirstLastNUnique() {
        List<List<Object>> rows = rows(byShop(
                named("min", aggregate(new AggregateFunction.Min(), units(), DataType.INT64)),
                named("max", aggregate(new AggregateFunction.Max(), price(), DataType.FLOAT64)),
                named("first", aggregate(new AggregateFunction.First(), units(), DataType.INT64)),
                named("last", aggregate(new AggregateFunction.Last(), units(), DataType.INT64)),
                named("n", aggregate(new AggregateFunction.NUnique(), units(), DataType.UINT32)),
                named("maxShop", aggregate(new AggregateFunction.Max(), col("shop", DataType.STRING), DataType.STRING))));
        assertThat(rows).containsExactly(
                row("b", 1L, 6.0, 1L, 5L, 3L, "b"),
                row("a", 2L, 7.0, 2L, 6L, 3L, "a"),
                row(null, 4L, 4.0, 4L, 4L, 1L, null));
    }

    @Test
    void varianceStdMedianQuantile() {
        Aggregate plan = byShop(
                named("var", aggregate(new AggregateFunction.Var(1), price(), DataType.FLOAT64)),
                named("std", aggregate(new AggregateFunction.Std(0), price(), DataType.FLOAT64)),
                named("median", aggregate(new AggregateFunction.Median(), price(), DataType.FLOAT64)),
                named("q", aggregate(new AggregateFunction.Quantile(0.25, QuantileMethod.LINEAR), price(),
                        DataType.FLOAT64)),
                named("lower", aggregate(new AggregateFunction.Quantile(0.75, QuantileMethod.LOWER), price(),
                        DataType.FLOAT64)));
        // Partial variances merge in thread order, so the last bit may differ between runs: compare with a tolerance.
        for (ExecutionOptions options : List.of(new ExecutionOptions(1, 65_536), new ExecutionOptions(3, 1))) {
            List<List<Object>> rows = rows(plan, options);
            assertThat((Double) rows.get(0).get(1)).isCloseTo(19.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
            assertThat((Double) rows.get(0).get(2)).isCloseTo(Math.sqrt(38.0 / 9), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(rows.get(0).subList(3, 6)).containsExactly(3.0, 2.0, 3.0);
            assertThat(rows.get(1).subList(3, 6)).containsExactly(5.0, 3.5, 5.0);
            assertThat(rows.get(2)).containsExactly(null, null, 0.0, 4.0, 4.0, 4.0);
        }
    }

    @Test
    void combinationsOfAggregates() {
        LogicalExpr ratio = binary(BinaryOperator.TRUE_DIVIDE,
                aggregate(new AggregateFunction.Sum(), units(), DataType.INT64),
                aggregate(new AggregateFunction.Count(), units(), DataType.UINT32), DataType.FLOAT64);
        List<List<Object>> rows = rows(byShop(named("ratio", ratio)));
        assertThat(rows).containsExactly(row("b", 3.0), row("a", 4.0), row(null, 4.0));
    }

    @Test
    void noKeysGivesOneRowEvenForEmptyInput() {
        InMemory empty = frame(column("units", DataType.INT64));
        Aggregate aggregate = new Aggregate(empty, List.of(), List.of(
                named("sum", aggregate(new AggregateFunction.Sum(), units(), DataType.INT64)),
                named("len", aggregate(new AggregateFunction.Len(), null, DataType.UINT32)),
                named("max", aggregate(new AggregateFunction.Max(), units(), DataType.INT64))), false);
        assertThat(rows(aggregate)).containsExactly(row(0L, 0L, null));
        Aggregate total = new Aggregate(SALES, List.of(), List.of(
                named("sum", aggregate(new AggregateFunction.Sum(), units(), DataType.INT64))), false);
        assertThat(rows(total)).containsExactly(row(21L));
    }

    @Test
    void groupByTwoIntegerKeysAndAnExpressionKey() {
        InMemory frame = frame(column("a", DataType.INT32, 1, 1, 2, 1, 2),
                column("b", DataType.INT64, 10L, 20L, 10L, 10L, 10L),
                column("v", DataType.INT64, 1L, 2L, 3L, 4L, 5L));
        Aggregate aggregate = new Aggregate(frame, List.of(NamedExpr.column("a", DataType.INT32),
                named("b2", binary(BinaryOperator.MULTIPLY, col("b", DataType.INT64), lit(2L, DataType.INT64), DataType.INT64))),
                List.of(named("v", aggregate(new AggregateFunction.Sum(), col("v", DataType.INT64), DataType.INT64))), true);
        assertThat(rows(aggregate)).containsExactly(row(1, 20L, 5L), row(1, 40L, 2L), row(2, 20L, 8L));
    }

    @Test
    void manyGroupsAcrossThreadsMerge() {
        int n = 5000;
        Object[] keys = new Object[n];
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) (i % 1000);
            values[i] = (long) i;
        }
        InMemory frame = frame(column("k", DataType.INT64, keys), column("v", DataType.INT64, values));
        Aggregate aggregate = new Aggregate(frame, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(named("s", aggregate(new AggregateFunction.Sum(), col("v", DataType.INT64), DataType.INT64))), true);
        List<List<Object>> rows = rows(aggregate, new ExecutionOptions(2, 7));
        assertThat(rows).hasSize(1000);
        for (int k = 0; k < 1000; k++) {
            assertThat(rows.get(k)).containsExactly((long) k, (long) (5 * k + 1000 * (0 + 1 + 2 + 3 + 4)));
        }
    }

    @Test
    void integerKeysInsideAndOutsideTheDirectIndexRange() {
        InMemory frame = frame(column("k", DataType.INT64, -1L, 5L, 2_000_000L, 5L, null, -1L, 2_000_000L, 0L, 2000L),
                column("v", DataType.INT64, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));
        Aggregate aggregate = new Aggregate(frame, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(named("s", aggregate(new AggregateFunction.Sum(), col("v", DataType.INT64), DataType.INT64))), true);
        assertThat(rows(aggregate)).containsExactly(row(-1L, 7L), row(5L, 6L), row(2_000_000L, 10L), row(null, 5L),
                row(0L, 8L), row(2000L, 9L));
    }

    @Test
    void twoIntegerKeysWithNullsInEitherKey() {
        InMemory frame = frame(column("a", DataType.INT32, 1, null, 1, null, 1, 2),
                column("b", DataType.INT64, null, 5L, null, null, 5L, 5L),
                column("v", DataType.INT64, 1L, 2L, 4L, 8L, 16L, 32L));
        Aggregate aggregate = new Aggregate(frame, List.of(NamedExpr.column("a", DataType.INT32),
                NamedExpr.column("b", DataType.INT64)),
                List.of(named("s", aggregate(new AggregateFunction.Sum(), col("v", DataType.INT64), DataType.INT64))), true);
        assertThat(rows(aggregate)).containsExactly(row(1, null, 5L), row(null, 5L, 2L), row(null, null, 8L),
                row(1, 5L, 16L), row(2, 5L, 32L));
    }

    @Test
    void manyDistinctStringKeysGrowTheGroupTable() {
        int groups = 1000;
        Object[] keys = new Object[groups * 3];
        Object[] values = new Object[groups * 3];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i % groups == 7 ? null : "key-" + (i % groups);
            values[i] = (long) i;
        }
        InMemory frame = frame(column("k", DataType.STRING, keys), column("v", DataType.INT64, values));
        List<List<Object>> rows = rows(new Aggregate(frame, List.of(NamedExpr.column("k", DataType.STRING)),
                List.of(named("sum", aggregate(new AggregateFunction.Sum(), col("v", DataType.INT64), DataType.INT64))),
                true));
        assertThat(rows).hasSize(groups);
        for (int g = 0; g < groups; g++) {
            long expected = 3L * g + 3L * groups;
            assertThat(rows.get(g)).containsExactly(g == 7 ? null : "key-" + g, expected);
        }
    }
}
