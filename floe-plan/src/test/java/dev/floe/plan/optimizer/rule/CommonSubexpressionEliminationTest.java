package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.Transformed;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonSubexpressionEliminationTest {
    private final CommonSubexpressionElimination rule = new CommonSubexpressionElimination();
    private final LogicalExpr product = mul(col("a"), col("b"));

    private LogicalPlan run(LogicalPlan plan) {
        Transformed<LogicalPlan> result = rule.rewrite(plan);
        assertThat(result.changed()).isTrue();
        assertThat(result.value().schema()).isEqualTo(plan.schema());
        return result.value();
    }

    @Test
    void repeatedSubexpressionInAProjectIsComputedOnce() {
        LogicalPlan plan = project(memory("a", "b"), named("x", add(product, lit(1))), named("y", add(product, lit(2))));

        LogicalPlan result = run(plan);

        WithColumns helper = only(result, WithColumns.class);
        assertThat(helper.exprs()).containsExactly(named("__floe_cse_0", product));
        assertThat(((Project) result).exprs().getFirst().expr()).isEqualTo(add(col("__floe_cse_0"), lit(1)));
    }

    @Test
    void withColumnsGetsAProjectDroppingTheHelper() {
        LogicalPlan plan = withColumns(memory("a", "b"), named("x", add(product, lit(1))), named("y", product));

        LogicalPlan result = run(plan);

        assertThat(result).isInstanceOf(Project.class);
        assertThat(find(result, WithColumns.class)).hasSize(2);
    }

    @Test
    void repeatedAggregationInputsAreComputedBelowTheAggregate() {
        LogicalPlan plan = aggregate(memory("k", "a", "b"), List.of("k"), named("s", sum(product)),
                named("m", sum(add(product, lit(1)))));

        LogicalPlan result = run(plan);

        Aggregate aggregate = (Aggregate) result;
        assertThat(aggregate.input()).isInstanceOf(WithColumns.class);
        assertThat(aggregate.aggregates().getFirst().expr()).isEqualTo(sum(col("__floe_cse_0")));
    }

    @Test
    void helperNamesAvoidExistingColumns() {
        LogicalPlan plan = project(memory("a", "b", "__floe_cse_0"), named("x", product), named("y", product));
        assertThat(only(run(plan), WithColumns.class).exprs().getFirst().name()).isEqualTo("__floe_cse_1");
    }

    @Test
    void doesNotFireOnCheapOrSingleExpressions() {
        LogicalPlan cheap = project(memory("a", "b"), named("x", col("a")), named("y", col("a")));
        LogicalPlan single = project(memory("a", "b"), named("x", product), named("y", add(col("a"), lit(1))));
        LogicalPlan windows = project(memory("a", "b"), named("x", windowSum(col("a"), col("b"))),
                named("y", windowSum(col("a"), col("b"))));
        assertThat(rule.rewrite(cheap).changed()).isFalse();
        assertThat(rule.rewrite(single).changed()).isFalse();
        assertThat(rule.rewrite(windows).changed()).isFalse();
    }
}
