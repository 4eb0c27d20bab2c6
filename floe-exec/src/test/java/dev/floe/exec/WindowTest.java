package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Project;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of window expressions: aggregate over partitions broadcast back. */
class WindowTest {
    private static final InMemory PEOPLE = frame(
            column("name", DataType.STRING, "ann", "bob", "cid", "dan", "eve", "fay", null),
            column("age", DataType.INT64, 30L, 25L, null, 25L, 41L, 30L, 19L),
            column("city", DataType.STRING, "x", "y", "x", "y", "z", "x", "y"));

    private static LogicalExpr age() {
        return col("age", DataType.INT64);
    }

    @Test
    void windowBroadcastsTheGroupAggregate() {
        LogicalExpr cityMean = new LogicalExpr.Window(aggregate(new AggregateFunction.Mean(), age(), DataType.FLOAT64),
                List.of(col("city", DataType.STRING)), DataType.FLOAT64);
        LogicalExpr share = binary(BinaryOperator.TRUE_DIVIDE, age(), new LogicalExpr.Window(
                aggregate(new AggregateFunction.Sum(), age(), DataType.INT64), List.of(col("city", DataType.STRING)),
                DataType.INT64), DataType.FLOAT64);
        Project project = new Project(PEOPLE, List.of(NamedExpr.column("name", DataType.STRING),
                named("mean", cityMean), named("share", share)));
        List<List<Object>> rows = rows(project);
        assertThat(rows.get(0)).containsExactly("ann", 30.0, 0.5);
        assertThat(rows.get(1)).containsExactly("bob", 23.0, 25.0 / 69);
        assertThat(rows.get(2)).containsExactly("cid", 30.0, null);
        assertThat(rows.get(4)).containsExactly("eve", 41.0, 1.0);
    }

    @Test
    void selectOfAggregatesIsOneRowAndBesideColumnsIsBroadcast() {
        LogicalExpr total = aggregate(new AggregateFunction.Sum(), age(), DataType.INT64);
        assertThat(rows(new Project(PEOPLE, List.of(named("total", total), named("one", lit(1L, DataType.INT64))))))
                .containsExactly(row(170L, 1L));
        List<List<Object>> rows = rows(new Project(PEOPLE, List.of(NamedExpr.column("name", DataType.STRING),
                named("total", total))));
        assertThat(rows).hasSize(7);
        assertThat(rows.get(6)).containsExactly(null, 170L);
    }
}
