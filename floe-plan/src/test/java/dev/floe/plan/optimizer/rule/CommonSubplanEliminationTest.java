package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Union;
import dev.floe.plan.optimizer.Transformed;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonSubplanEliminationTest {
    private final CommonSubplanElimination rule = new CommonSubplanElimination();

    @Test
    void repeatedSubtreesShareOneCache() {
        LogicalPlan shared = aggregate(filter(scan("t", "k", "v"), gt(col("v"), lit(0))), List.of("k"),
                named("s", sum(col("v"))));
        LogicalPlan plan = join(shared, select(shared, "k"), JoinType.SEMI, "k", "k");

        Transformed<LogicalPlan> result = rule.rewrite(plan);

        assertThat(result.value().schema()).isEqualTo(plan.schema());
        List<Cache> caches = find(result.value(), Cache.class);
        assertThat(caches).hasSize(2);
        assertThat(caches.get(0).id()).isEqualTo(caches.get(1).id());
        assertThat(caches.get(0).input()).isEqualTo(shared);
        assertThat(rule.rewrite(result.value()).changed()).isFalse();
    }

    @Test
    void inMemorySourcesAndSingleSubtreesAreNotCached() {
        LogicalPlan memoryTwice = new Union(List.of(memory("a"), memory("a")));
        LogicalPlan distinctScans = new Union(List.of(scan("x", "a"), scan("y", "a")));
        assertThat(rule.rewrite(memoryTwice).changed()).isFalse();
        assertThat(rule.rewrite(distinctScans).changed()).isFalse();
    }

    @Test
    void newIdsDoNotClashWithExistingCaches() {
        LogicalPlan existing = new Cache(scan("c", "a"), 7);
        LogicalPlan repeated = filter(scan("t", "a"), gt(col("a"), lit(1)));
        LogicalPlan plan = new Union(List.of(existing, existing, repeated, repeated));

        List<Cache> caches = find(rule.rewrite(plan).value(), Cache.class);

        assertThat(caches).extracting(Cache::id).containsExactly(7, 7, 8, 8);
    }
}
