package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.optimizer.RowCountSource;
import dev.floe.plan.optimizer.Transformed;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SemiJoinReductionTest {
    private static final RowCountSource ROWS = source -> {
        Long rows = Map.of("parts", 10_000L, "items", 1_000_000L).get(source.paths().getFirst());
        return rows == null ? OptionalLong.empty() : OptionalLong.of(rows);
    };

    private final SemiJoinReduction rule = new SemiJoinReduction(ROWS);
    private final Scan parts = scan("parts", "p_key", "p_size");
    private final Scan items = scan("items", "i_part", "i_quantity");
    private final LogicalPlan fewParts = filter(parts, eq(col("p_size"), lit(15)));
    private final Aggregate perPart = aggregate(items, List.of("i_part"), named("total", sum(col("i_quantity"))));

    @Test
    void theAggregatesInputIsSemiJoinedWithTheSmallSidesKeys() {
        Join join = join(fewParts, perPart, JoinType.INNER, "p_key", "i_part");

        Transformed<LogicalPlan> result = rule.rewrite(join);

        assertThat(result.changed()).isTrue();
        assertThat(result.value().schema()).isEqualTo(join.schema());
        Join top = (Join) result.value();
        Cache shared = (Cache) top.left();
        assertThat(shared.input()).isEqualTo(fewParts);
        Aggregate reduced = (Aggregate) top.right();
        Join semi = (Join) reduced.input();
        assertThat(semi.type()).isEqualTo(JoinType.SEMI);
        assertThat(semi.left()).isEqualTo(items);
        assertThat(semi.leftKeys()).containsExactly(col("i_part"));
        Project keys = (Project) semi.right();
        assertThat(keys.input()).isEqualTo(shared);
        assertThat(keys.schema().names()).containsExactly("p_key");
        assertThat(reduced.keys()).isEqualTo(perPart.keys());
        assertThat(reduced.aggregates()).isEqualTo(perPart.aggregates());
    }

    @Test
    void appliesToAnAggregateOnTheLeftUnderAFilterWithANewCacheId() {
        LogicalPlan having = filter(perPart, gt(col("total"), lit(3)));
        LogicalPlan plan = join(having, new Cache(fewParts, 4), JoinType.INNER, "i_part", "p_key");

        LogicalPlan result = rule.rewrite(plan).value();

        assertThat(result.schema()).isEqualTo(plan.schema());
        Join semi = find(result, Join.class).stream().filter(j -> j.type() == JoinType.SEMI).findFirst().orElseThrow();
        assertThat(semi.left()).isEqualTo(items);
        // the other side was already shared: its Cache is reused, no new one is made
        assertThat(find(result, Cache.class)).extracting(Cache::id).containsOnly(4);
    }

    @Test
    void appliesToLeftAndSemiJoinsWithTheAggregateOnTheRightOnly() {
        assertThat(rule.rewrite(join(fewParts, perPart, JoinType.LEFT, "p_key", "i_part")).changed()).isTrue();
        assertThat(rule.rewrite(join(fewParts, perPart, JoinType.SEMI, "p_key", "i_part")).changed()).isTrue();
        assertThat(rule.rewrite(join(perPart, fewParts, JoinType.LEFT, "i_part", "p_key")).changed()).isFalse();
        assertThat(rule.rewrite(join(fewParts, perPart, JoinType.ANTI, "p_key", "i_part")).changed()).isFalse();
    }

    @Test
    void doesNotFireWithoutASelectiveSmallSide() {
        // unfiltered
        assertThat(rule.rewrite(join(parts, perPart, JoinType.INNER, "p_key", "i_part")).changed()).isFalse();
        // a range filter keeps too much (0.3)
        LogicalPlan manyParts = filter(parts, gt(col("p_size"), lit(15)));
        assertThat(rule.rewrite(join(manyParts, perPart, JoinType.INNER, "p_key", "i_part")).changed()).isFalse();
        // not much smaller than the aggregate's input
        Aggregate perPartOfFew = aggregate(filter(scan("parts", "i_part", "i_quantity"), eq(col("i_quantity"),
                lit(2))), List.of("i_part"),
                named("total", sum(col("i_quantity"))));
        assertThat(rule.rewrite(join(fewParts, perPartOfFew, JoinType.INNER, "p_key", "i_part")).changed())
                .isFalse();
        // unknown sizes
        Aggregate unknown = aggregate(scan("elsewhere", "i_part", "i_quantity"), List.of("i_part"),
                named("total", sum(col("i_quantity"))));
        assertThat(rule.rewrite(join(fewParts, unknown, JoinType.INNER, "p_key", "i_part")).changed()).isFalse();
    }

    @Test
    void doesNotFireOnAggregateOutputsOrItsOwnInput() {
        // joined on an aggregated value, not a group key
        assertThat(rule.rewrite(join(fewParts, perPart, JoinType.INNER, "p_key", "total")).changed()).isFalse();
        // the other side is computed from the aggregate's input (every group matches)
        LogicalPlan someItems = filter(items, eq(col("i_quantity"), lit(1)));
        Aggregate perPartOfSome = aggregate(someItems, List.of("i_part"), named("total", sum(col("i_quantity"))));
        LogicalPlan fewerItems = filter(someItems, eq(col("i_part"), lit(2)));
        assertThat(rule.rewrite(join(fewerItems, perPartOfSome, JoinType.INNER, "i_part", "i_part")).changed())
                .isFalse();
        // shared aggregates stay whole
        assertThat(rule.rewrite(join(fewParts, new Cache(perPart, 0), JoinType.INNER, "p_key", "i_part")).changed())
                .isFalse();
    }
}
