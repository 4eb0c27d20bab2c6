package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.optimizer.RowCountSource;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CardinalityEstimatorTest {
    private static final RowCountSource ROWS = source -> OptionalLong.of(Map.of("facts", 1_000_000L, "orders",
            100_000L, "customers", 10_000L, "nations", 25L).get(source.paths().getFirst()));

    private final CardinalityEstimator estimator = new CardinalityEstimator(ROWS);
    private final Scan facts = scan("facts", "f_order", "f_value");
    private final Scan orders = scan("orders", "o_key", "o_customer");
    private final Scan customers = scan("customers", "c_key", "c_nation");
    private final Scan nations = scan("nations", "n_key", "n_name");

    @Test
    void anUnfilteredInnerJoinKeepsTheLargerInput() {
        assertThat(estimator.rows(join(orders, customers, JoinType.INNER, "o_customer", "c_key")))
                .isEqualTo(100_000.0);
    }

    @Test
    void aFilteredDimensionScalesTheFactsItJoins() {
        LogicalPlan oneNation = filter(nations, eq(col("n_key"), lit(7)));
        Join customersOfNation = join(customers, oneNation, JoinType.INNER, "c_nation", "n_key");
        Join ordersOfNation = join(orders, customersOfNation, JoinType.INNER, "o_customer", "c_key");

        assertThat(estimator.rows(customersOfNation)).isCloseTo(1_000.0, within(1e-6));
        assertThat(estimator.rows(ordersOfNation)).isCloseTo(10_000.0, within(1e-6));
        assertThat(CardinalityEstimator.keptFraction(ordersOfNation)).isCloseTo(0.1, within(1e-9));
        // the facts keep the orders' filter fraction whichever side they are on
        assertThat(estimator.rows(join(ordersOfNation, facts, JoinType.INNER, "o_key", "f_order")))
                .isCloseTo(100_000.0, within(1e-6));
        assertThat(estimator.rows(join(facts, ordersOfNation, JoinType.INNER, "f_order", "o_key")))
                .isCloseTo(100_000.0, within(1e-6));
    }

    @Test
    void anAggregateDoesNotCountItsInputsFiltersAgain() {
        LogicalPlan late = filter(facts, gt(col("f_value"), lit(5)));
        LogicalPlan perOrder = aggregate(late, List.of("f_order"), named("total", sum(col("f_value"))));

        assertThat(CardinalityEstimator.keptFraction(late)).isCloseTo(0.3, within(1e-9));
        assertThat(CardinalityEstimator.keptFraction(perOrder)).isEqualTo(1.0);
        assertThat(estimator.rows(join(late, perOrder, JoinType.INNER, "f_order", "f_order")))
                .isCloseTo(300_000.0, within(1e-6));
    }

    @Test
    void theFilteredChainBecomesTheBuildSideOfItsJoinWithTheFacts() {
        LogicalPlan oneNation = filter(nations, eq(col("n_key"), lit(7)));
        Join ordersOfNation = join(orders, join(customers, oneNation, JoinType.INNER, "c_nation", "n_key"),
                JoinType.INNER, "o_customer", "c_key");
        // 1 M x 0.3 x 0.3 = 90 000 facts: more than half the 100 000 orders the old max(left, right) estimate gave
        LogicalPlan someFacts = filter(facts, and(gt(col("f_value"), lit(5)), lt(col("f_value"), lit(9))));
        Join plan = join(ordersOfNation, someFacts, JoinType.INNER, "o_key", "f_order");

        LogicalPlan rewritten = new JoinBuildSide(ROWS).rewrite(plan).value();

        Join top = find(rewritten, Join.class).getFirst();
        assertThat(top.left()).isEqualTo(someFacts);
        assertThat(rewritten.schema()).isEqualTo(plan.schema());
    }
}
