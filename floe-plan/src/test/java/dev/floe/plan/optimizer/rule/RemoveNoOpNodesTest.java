package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.WithColumns;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoveNoOpNodesTest {
    private final RemoveNoOpNodes rule = new RemoveNoOpNodes();
    private final InMemory input = memory("a", "b");

    @Test
    void removesIdentityNodes() {
        assertThat(rule.rewrite(select(input, "a", "b")).value()).isSameAs(input);
        assertThat(rule.rewrite(new Slice(input, 0, Long.MAX_VALUE)).value()).isSameAs(input);
        assertThat(rule.rewrite(filter(input, lit(true))).value()).isSameAs(input);
        assertThat(rule.rewrite(new WithColumns(input, List.of())).value()).isSameAs(input);
    }

    @Test
    void keepsNodesThatDoSomething() {
        for (LogicalPlan plan : List.of(select(input, "b", "a"), select(input, "a"), new Slice(input, 1, Long.MAX_VALUE),
                new Slice(input, 0, 10), filter(input, lit(false)))) {
            assertThat(rule.rewrite(plan).changed()).as(plan.toString()).isFalse();
        }
    }

    @Test
    void aSortBelowAnUnstableSortIsDropped() {
        Sort inner = sort(input, "a");
        Sort outer = new Sort(inner, List.of(new SortKey(col("b"), true, false)), false, 5);
        LogicalPlan result = rule.rewrite(outer).value();
        assertThat(find(result, Sort.class)).hasSize(1);
        assertThat(((Sort) result).limit()).isEqualTo(5);
        assertThat(((Sort) result).keys()).isEqualTo(outer.keys());
    }

    @Test
    void aSortBelowAStableSortStays() {
        Sort stable = new Sort(sort(input, "a"), List.of(new SortKey(col("b"), false, false)), true, -1);
        assertThat(rule.rewrite(stable).changed()).isFalse();
        Sort innerTopK = new Sort(new Sort(input, List.of(new SortKey(col("a"), false, false)), false, 3),
                List.of(new SortKey(col("b"), false, false)), false, -1);
        assertThat(rule.rewrite(innerTopK).changed()).isFalse();
    }

    @Test
    void aProjectOfColumnsMergesIntoTheProjectBelow() {
        LogicalPlan inner = project(input, named("x", add(col("a"), lit(1))), named("y", col("b")));
        LogicalPlan outer = project(inner, named("z", col("y")), named("x", col("x")));

        LogicalPlan result = rule.rewrite(outer).value();

        assertThat(result.schema()).isEqualTo(outer.schema());
        assertThat(find(result, dev.floe.plan.logical.Project.class)).hasSize(1);
        assertThat(((dev.floe.plan.logical.Project) result).exprs())
                .containsExactly(named("z", col("b")), named("x", add(col("a"), lit(1))));
        LogicalPlan computedOuter = project(inner, named("w", add(col("x"), col("y"))));
        assertThat(rule.rewrite(computedOuter).changed()).isFalse();
    }
}
