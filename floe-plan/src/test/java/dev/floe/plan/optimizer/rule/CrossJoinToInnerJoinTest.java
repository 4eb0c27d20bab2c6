package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.optimizer.Transformed;
import org.junit.jupiter.api.Test;

class CrossJoinToInnerJoinTest {
    private final CrossJoinToInnerJoin rule = new CrossJoinToInnerJoin();

    @Test
    void equalityBetweenSidesBecomesJoinKeysAndTheRestStays() {
        LogicalPlan plan = filter(cross(scan("l", "id", "a"), scan("r", "id", "b")),
                and(eq(col("id"), col("id_right")), gt(col("a"), col("b"))));

        Transformed<LogicalPlan> result = rule.rewrite(plan);

        assertThat(result.changed()).isTrue();
        assertThat(result.value().schema()).isEqualTo(plan.schema());
        Join join = only(result.value(), Join.class);
        assertThat(join.type()).isEqualTo(JoinType.INNER);
        assertThat(join.leftKeys()).containsExactly(col("id"));
        assertThat(join.rightKeys()).containsExactly(col("id"));
        assertThat(((Filter) result.value()).predicate()).isEqualTo(gt(col("a"), col("b")));
    }

    @Test
    void equalityWrittenRightToLeftIsRecognised() {
        LogicalPlan plan = filter(cross(scan("l", "x"), scan("r", "y")), eq(col("y"), col("x")));

        LogicalPlan result = rule.rewrite(plan).value();

        assertThat(result.schema()).isEqualTo(plan.schema());
        Join join = only(result, Join.class);
        assertThat(join.leftKeys()).containsExactly(col("x"));
        assertThat(join.rightKeys()).containsExactly(col("y"));
        assertThat(find(result, Filter.class)).isEmpty();
    }

    @Test
    void doesNotFireWithoutACrossSideEquality() {
        LogicalPlan sameSide = filter(cross(scan("l", "x", "z"), scan("r", "y")), eq(col("x"), col("z")));
        LogicalPlan inequality = filter(cross(scan("l", "x"), scan("r", "y")), lt(col("x"), col("y")));
        LogicalPlan floats = filter(cross(scan("l", "x:f64"), scan("r", "y:f64")),
                eq(col("x", DataType.FLOAT64), col("y", DataType.FLOAT64)));
        assertThat(rule.rewrite(sameSide).changed()).isFalse();
        assertThat(rule.rewrite(inequality).changed()).isFalse();
        assertThat(rule.rewrite(floats).changed()).isFalse();
    }
}
