package dev.floe.plan.optimizer;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.io.FileFormat;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule, alone and in the full pipeline, keeps the output schema of a varied set of plans. */
class SchemaPreservationTest {
    private static final OptimizerOptions OPTIONS = OptimizerOptions.defaults()
            .withRowCounts(source -> OptionalLong.of(source.paths().getFirst().startsWith("small") ? 10 : 100_000));

    static List<LogicalPlan> plans() {
        Scan orders = scan("big_orders", "id", "customer", "amount", "note:str");
        Scan customers = scan("small_customers", "id", "name:str", "amount");
        LogicalExpr big = gt(col("amount"), lit(100));
        List<LogicalPlan> plans = new ArrayList<>();
        for (JoinType type : JoinType.values()) {
            LogicalPlan joined = type == JoinType.CROSS ? cross(customers, orders)
                    : join(customers, orders, type, "id", "customer");
            String amount = joined.schema().contains("amount") ? "amount" : "amount_right";
            plans.add(filter(joined, gt(col(amount), lit(1))));
            plans.add(select(filter(joined, and(big, lit(true))), joined.schema().names().getLast()));
            plans.add(new Slice(sort(joined, "id"), 2, 5));
        }
        plans.add(filter(cross(customers, orders), and(eq(col("id"), col("customer")), big)));
        plans.add(filter(cross(customers, orders), eq(col("id"), col("id_right"))));
        LogicalPlan shared = aggregate(filter(orders, big), List.of("customer"), named("total", sum(col("amount"))),
                named("double", sum(mul(col("amount"), lit(2)))), named("triple", sum(add(mul(col("amount"), lit(2)),
                        lit(1)))));
        plans.add(join(shared, select(shared, "customer", "total"), JoinType.INNER, "customer", "customer"));
        plans.add(select(shared, "total"));
        plans.add(filter(shared, and(eq(col("customer"), lit(3)), gt(col("total"), lit(10)))));
        plans.add(new Union(List.of(filter(orders, big), orders, withColumns(orders, named("id", add(col("id"),
                lit(1)))))));
        plans.add(new Slice(new Union(List.of(orders, orders)), 0, 10));
        plans.add(filter(new RowIndex(orders, "row", 0), gt(col("row", DataType.UINT32),
                new LogicalExpr.Literal(3L, DataType.UINT32))));
        plans.add(select(new Distinct(orders, List.of("customer"), UniqueKeep.FIRST, true), "amount"));
        plans.add(filter(new Distinct(orders, null, UniqueKeep.NONE, false), big));
        plans.add(select(new Cache(orders, 0), "id"));
        plans.add(new Sink(select(filter(orders, isBetween(col("amount"), lit(1), lit(5), ClosedInterval.BOTH)),
                "id"), FileFormat.PARQUET, "out.parquet", Map.of()));
        plans.add(select(withColumns(memory("a", "b", "c"), named("x", mul(col("a"), col("b"))),
                named("y", add(mul(col("a"), col("b")), lit(1))), named("w", windowSum(col("a"), col("c")))), "y",
                "w"));
        plans.add(filter(withColumns(orders, named("w", windowSum(col("amount"), col("customer")))),
                and(big, gt(col("w"), lit(1000)))));
        plans.add(new Slice(project(orders.withPredicate(big), named("n", col("note", DataType.STRING)),
                named("twice", add(col("amount"), col("amount")))), 0, 1));
        plans.add(filter(memory("a", "f:bool"), or(and(col("f", DataType.BOOLEAN), lit(false)),
                and(gt(col("a"), lit(5)), lt(col("a"), lit(3))))));
        plans.add(aggregate(customers, List.of(), named("n", new LogicalExpr.Aggregate(
                new dev.floe.plan.function.AggregateFunction.Len(), null, DataType.UINT32))));
        return plans;
    }

    private static List<OptimizerRule> rules() {
        Set<String> seen = new LinkedHashSet<>();
        List<OptimizerRule> rules = new ArrayList<>();
        for (RuleBatch batch : Optimizer.defaultBatches(OPTIONS)) {
            for (OptimizerRule rule : batch.rules()) {
                if (seen.add(rule.name())) {
                    rules.add(rule);
                }
            }
        }
        return rules;
    }

    @Test
    void everyRuleKeepsTheSchema() {
        List<OptimizerRule> rules = rules();
        assertThat(rules).extracting(OptimizerRule::name).containsExactlyElementsOf(Optimizer.ruleNames());
        for (LogicalPlan plan : plans()) {
            for (OptimizerRule rule : rules) {
                Transformed<LogicalPlan> result = rule.rewrite(plan);
                assertThat(result.value().schema()).as(rule.name() + " on\n" + PlanText.render(plan))
                        .isEqualTo(plan.schema());
                assertThat(result.changed()).as(rule.name()).isEqualTo(!result.value().equals(plan));
            }
        }
    }

    @Test
    void theWholePipelineKeepsTheSchemaAndSettles() {
        Optimizer optimizer = new Optimizer(OPTIONS);
        for (LogicalPlan plan : plans()) {
            LogicalPlan optimized = optimizer.optimize(plan);
            assertThat(optimized.schema()).as(PlanText.render(plan)).isEqualTo(plan.schema());
            LogicalPlan again = optimizer.optimize(optimized);
            assertThat(again.schema()).isEqualTo(plan.schema());
        }
    }
}
