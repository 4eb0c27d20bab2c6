package dev.floe.plan.optimizer;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Optimized plans give the same rows as the originals, checked with a reference interpreter over small
 * tables with nulls and duplicates (as multisets; plans whose order matters end in a total sort).
 */
class ResultPreservationTest {
    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static final Map<String, List<List<Object>>> TABLES = Map.of(
            "small_customers", List.of(row(1L, "ann", 10L), row(2L, "bob", 20L), row(3L, null, 30L),
                    row(null, "dan", 40L), row(5L, "eve", null)),
            "big_orders", List.of(row(100L, 1L, 5L, "a"), row(101L, 1L, 150L, "b"), row(102L, 2L, 250L, null),
                    row(103L, 3L, 90L, "d"), row(104L, null, 500L, "e"), row(105L, 9L, 101L, "f"),
                    row(106L, 2L, null, "g"), row(107L, 5L, 150L, "b")));

    private static final OptimizerOptions OPTIONS = OptimizerOptions.defaults().withRowCounts(
            source -> OptionalLong.of(TABLES.get(source.paths().getFirst()).size() * (source.paths().getFirst()
                    .startsWith("small") ? 1L : 1000L)));

    private final ReferenceInterpreter interpreter = new ReferenceInterpreter(TABLES);

    static List<LogicalPlan> plans() {
        Scan orders = scan("big_orders", "id", "customer", "amount", "note:str");
        Scan customers = scan("small_customers", "id", "name:str", "amount");
        LogicalExpr big = gt(col("amount"), lit(100));
        List<LogicalPlan> plans = new ArrayList<>();
        for (JoinType type : JoinType.values()) {
            LogicalPlan joined = type == JoinType.CROSS ? cross(customers, orders)
                    : join(customers, orders, type, "id", "customer");
            List<String> names = joined.schema().names();
            String amount = names.contains("amount_right") ? "amount_right" : "amount";
            plans.add(filter(joined, and(gt(col(amount), lit(1)), lt(col("id"), lit(4)))));
            plans.add(select(filter(joined, and(big, lit(true))), names.getLast()));
            plans.add(filter(joined, and(eq(col("id"), lit(2)), isIn(col("id"), 2L))));
        }
        plans.add(filter(join(customers, orders, JoinType.RIGHT, "id", "customer"), eq(col("customer"), lit(2))));
        plans.add(filter(cross(customers, orders), and(eq(col("id"), col("customer")), big)));
        plans.add(filter(cross(customers, orders), eq(col("id"), col("id_right"))));
        plans.add(select(filter(cross(customers, orders), and(eq(col("id"), col("customer")),
                eq(col("amount"), col("amount_right")))), "name", "note"));
        LogicalPlan shared = aggregate(filter(orders, big), List.of("customer"), named("total", sum(col("amount"))),
                named("twice", sum(mul(col("amount"), lit(2)))), named("plus", sum(add(mul(col("amount"), lit(2)),
                        lit(1)))));
        plans.add(join(shared, select(shared, "customer", "total"), JoinType.INNER, "customer", "customer"));
        plans.add(select(shared, "total"));
        plans.add(filter(shared, and(eq(col("customer"), lit(2)), gt(col("total"), lit(10)))));
        plans.add(new Union(List.of(filter(orders, big), orders, withColumns(orders, named("id", add(col("id"),
                lit(1)))))));
        plans.add(new Slice(sort(new Union(List.of(orders, orders)), "id"), 3, 4));
        plans.add(filter(new RowIndex(orders, "row", 0), gt(col("amount"), lit(100))));
        plans.add(select(new Distinct(orders, List.of("customer"), UniqueKeep.FIRST, true), "customer"));
        plans.add(filter(new Distinct(select(orders, "customer", "note"), null, UniqueKeep.NONE, false),
                eq(col("note", DataType.STRING), lit("b"))));
        plans.add(filter(new Distinct(orders, List.of("note"), UniqueKeep.ANY, false), gt(col("amount"), lit(1))));
        plans.add(select(filter(orders, isBetween(col("amount"), lit(90), lit(150), ClosedInterval.RIGHT)), "id"));
        plans.add(new Slice(project(orders.withPredicate(big), named("n", col("note", DataType.STRING)),
                named("twice", add(col("amount"), col("amount")))), 0, 2));
        plans.add(new Slice(new Sort(filter(orders, big), List.of(new SortKey(col("amount"), true, true),
                new SortKey(col("id"), false, false)), false, -1), 1, 2));
        plans.add(filter(orders, and(gt(col("amount"), lit(5)), lt(col("amount"), lit(3)))));
        plans.add(filter(orders, or(not(not(eq(col("customer"), lit(1)))), eq(add(lit(1), lit(1)), col("customer")))));
        plans.add(aggregate(customers, List.of(), named("n", new LogicalExpr.Aggregate(
                new dev.floe.plan.function.AggregateFunction.Len(), null, DataType.INT64))));
        plans.add(new Slice(filter(new Slice(orders, 1, 5), gt(col("amount"), lit(100))), 0, 1));
        return plans;
    }

    private static List<String> canonical(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }

    @Test
    void theOptimizerKeepsResults() {
        Optimizer optimizer = new Optimizer(OPTIONS);
        for (LogicalPlan plan : plans()) {
            LogicalPlan optimized = optimizer.optimize(plan);
            assertThat(canonical(interpreter.run(optimized)))
                    .as("original\n" + PlanText.render(plan) + "optimized\n" + PlanText.render(optimized))
                    .isEqualTo(canonical(interpreter.run(plan)));
        }
    }

    @Test
    void everyRuleAloneKeepsResults() {
        for (RuleBatch batch : Optimizer.defaultBatches(OPTIONS)) {
            for (OptimizerRule rule : batch.rules()) {
                for (LogicalPlan plan : plans()) {
                    LogicalPlan rewritten = rule.rewrite(plan).value();
                    assertThat(canonical(interpreter.run(rewritten)))
                            .as(rule.name() + " on\n" + PlanText.render(plan) + "gave\n" + PlanText.render(rewritten))
                            .isEqualTo(canonical(interpreter.run(plan)));
                }
            }
        }
    }

    @Test
    void totalSortsKeepTheirOrder() {
        LogicalPlan plan = new Slice(sort(filter(scan("big_orders", "id", "customer", "amount", "note:str"),
                gt(col("amount"), lit(1))), "id"), 1, 3);
        LogicalPlan optimized = new Optimizer(OPTIONS).optimize(plan);
        assertThat(interpreter.run(optimized)).isEqualTo(interpreter.run(plan));
        assertThat(interpreter.run(plan)).hasSize(3);
    }

    @Test
    void theInterpreterSeesWhatAnUnsafePushdownWouldChange() {
        Scan orders = scan("big_orders", "id", "customer", "amount", "note:str");
        LogicalExpr big = gt(col("amount"), lit(100));
        LogicalPlan filterAfterSlice = filter(new Slice(orders, 0, 3), big);
        LogicalPlan filterBeforeSlice = new Slice(filter(orders, big), 0, 3);
        assertThat(canonical(interpreter.run(filterAfterSlice)))
                .isNotEqualTo(canonical(interpreter.run(filterBeforeSlice)));
        LogicalPlan fullJoin = join(scan("small_customers", "id", "name:str", "amount"), orders, JoinType.FULL, "id",
                "customer");
        LogicalPlan filterAboveFull = filter(fullJoin, gt(col("amount"), lit(15)));
        LogicalPlan filterBelowFull = join(filter(scan("small_customers", "id", "name:str", "amount"),
                gt(col("amount"), lit(15))), orders, JoinType.FULL, "id", "customer");
        assertThat(canonical(interpreter.run(filterAboveFull)))
                .isNotEqualTo(canonical(interpreter.run(filterBelowFull)));
    }
}
