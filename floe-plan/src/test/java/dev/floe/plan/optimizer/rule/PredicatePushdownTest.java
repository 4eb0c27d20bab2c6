package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.Transformed;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredicatePushdownTest {
    private final PredicatePushdown rule = new PredicatePushdown();

    private LogicalPlan run(LogicalPlan plan) {
        Transformed<LogicalPlan> result = rule.rewrite(plan);
        assertThat(result.value().schema()).isEqualTo(plan.schema());
        return result.value();
    }

    @Test
    void filterLandsInTheScanCombinedWithItsPredicate() {
        Scan scan = scan("t.parquet", "a", "b").withPredicate(gt(col("b"), lit(0)));
        LogicalPlan plan = filter(select(scan, "a", "b"), eq(col("a"), lit(1)));

        LogicalPlan result = run(plan);

        assertThat(find(result, Filter.class)).isEmpty();
        Scan pushed = only(result, Scan.class);
        assertThat(Expressions.conjuncts(pushed.predicate()))
                .containsExactly(gt(col("b"), lit(0)), eq(col("a"), lit(1)));
    }

    @Test
    void computedColumnsAreSubstitutedOnlyWhenCheap() {
        LogicalPlan input = memory("a", "b");
        LogicalPlan plan = filter(project(input, named("x", col("a")), named("y", add(col("a"), col("b")))),
                and(gt(col("x"), lit(1)), gt(col("y"), lit(2))));

        LogicalPlan result = run(plan);

        Filter top = (Filter) result;
        assertThat(top.predicate()).isEqualTo(gt(col("y"), lit(2)));
        Filter below = only(top.input(), Filter.class);
        assertThat(below.predicate()).isEqualTo(gt(col("a"), lit(1)));
    }

    @Test
    void withColumnsPassesThroughUntouchedColumns() {
        LogicalPlan plan = filter(withColumns(scan("t", "a", "b"), named("c", mul(col("a"), col("b")))),
                and(eq(col("b"), lit(3)), eq(col("c"), lit(4))));

        LogicalPlan result = run(plan);

        assertThat(((Filter) result).predicate()).isEqualTo(eq(col("c"), lit(4)));
        assertThat(only(result, Scan.class).predicate()).isEqualTo(eq(col("b"), lit(3)));
    }

    @Test
    void doesNotPushThroughWindowsRowIndexSliceOrCache() {
        LogicalPlan window = filter(withColumns(scan("t", "a", "b"), named("w", windowSum(col("a"), col("b")))),
                gt(col("a"), lit(1)));
        LogicalPlan rowIndex = filter(new RowIndex(scan("t", "a"), "i", 0), gt(col("a"), lit(1)));
        LogicalPlan slice = filter(new Slice(scan("t", "a"), 0, 5), gt(col("a"), lit(1)));
        LogicalPlan cache = filter(new Cache(scan("t", "a"), 0), gt(col("a"), lit(1)));

        for (LogicalPlan plan : List.of(window, rowIndex, slice, cache)) {
            LogicalPlan result = run(plan);
            assertThat(result).isInstanceOf(Filter.class);
            assertThat(only(result, Scan.class).predicate()).isNull();
        }
    }

    @Test
    void aFilterUsingAWindowIsNotSplit() {
        LogicalExpr windowed = gt(windowSum(col("a"), col("b")), lit(10));
        LogicalPlan plan = filter(filter(scan("t", "a", "b"), and(gt(col("a"), lit(1)), windowed)),
                eq(col("b"), lit(2)));

        LogicalPlan result = run(plan);

        assertThat(only(result, Scan.class).predicate()).isNull();
        assertThat(((Filter) result).predicate()).isEqualTo(eq(col("b"), lit(2)));
    }

    @Test
    void innerJoinPredicatesGoToTheirSidesAndMixedOnesStay() {
        LogicalPlan left = scan("l", "k", "a");
        LogicalPlan right = scan("r", "k", "a", "b");
        Join join = join(left, right, JoinType.INNER, "k", "k");
        LogicalExpr leftPredicate = gt(col("a"), lit(1));
        LogicalExpr rightPredicate = gt(col("a_right"), lit(2));
        LogicalExpr mixed = gt(col("a"), col("b"));
        LogicalPlan plan = filter(join, and(leftPredicate, rightPredicate, mixed));

        LogicalPlan result = run(plan);

        assertThat(((Filter) result).predicate()).isEqualTo(mixed);
        List<Scan> scans = find(result, Scan.class);
        assertThat(scans.get(0).predicate()).isEqualTo(gt(col("a"), lit(1)));
        assertThat(scans.get(1).predicate()).isEqualTo(gt(col("a"), lit(2)));
    }

    @Test
    void leftJoinKeepsRightSidePredicatesAbove() {
        Join join = join(scan("l", "k", "a"), scan("r", "k", "b"), JoinType.LEFT, "k", "k");
        LogicalPlan plan = filter(join, and(gt(col("a"), lit(1)), gt(col("b"), lit(2))));

        LogicalPlan result = run(plan);

        assertThat(((Filter) result).predicate()).isEqualTo(gt(col("b"), lit(2)));
        List<Scan> scans = find(result, Scan.class);
        assertThat(scans.get(0).predicate()).isEqualTo(gt(col("a"), lit(1)));
        assertThat(scans.get(1).predicate()).isNull();
    }

    @Test
    void semiJoinPushesLeftAndFullJoinPushesNothing() {
        LogicalPlan semi = filter(join(scan("l", "k", "a"), scan("r", "k"), JoinType.SEMI, "k", "k"),
                gt(col("a"), lit(1)));
        LogicalPlan full = filter(join(scan("l", "k", "a"), scan("r", "k", "b"), JoinType.FULL, "k", "k"),
                gt(col("a"), lit(1)));

        assertThat(find(run(semi), Scan.class).getFirst().predicate()).isEqualTo(gt(col("a"), lit(1)));
        LogicalPlan fullResult = run(full);
        assertThat(fullResult).isInstanceOf(Filter.class);
        assertThat(find(fullResult, Scan.class)).allSatisfy(s -> assertThat(s.predicate()).isNull());
    }

    @Test
    void aggregatePushesOnlyKeyPredicates() {
        Aggregate aggregate = aggregate(scan("t", "k", "v"), List.of("k"), named("s", sum(col("v"))));
        LogicalPlan plan = filter(aggregate, and(eq(col("k"), lit(1)), gt(col("s"), lit(10))));

        LogicalPlan result = run(plan);

        assertThat(((Filter) result).predicate()).isEqualTo(gt(col("s"), lit(10)));
        assertThat(only(result, Scan.class).predicate()).isEqualTo(eq(col("k"), lit(1)));
    }

    @Test
    void unionGetsThePredicateInEveryInput() {
        LogicalPlan plan = filter(new Union(List.of(scan("a", "x"), scan("b", "x"))), gt(col("x"), lit(0)));

        LogicalPlan result = run(plan);

        assertThat(result).isInstanceOf(Union.class);
        assertThat(find(result, Scan.class)).allSatisfy(s -> assertThat(s.predicate()).isEqualTo(gt(col("x"), lit(0))));
    }

    @Test
    void distinctPushesOnlySubsetPredicates() {
        Distinct distinct = new Distinct(scan("t", "a", "b"), List.of("a"), UniqueKeep.FIRST, false);
        LogicalPlan plan = filter(distinct, and(eq(col("a"), lit(1)), eq(col("b"), lit(2))));

        LogicalPlan result = run(plan);

        assertThat(((Filter) result).predicate()).isEqualTo(eq(col("b"), lit(2)));
        assertThat(only(result, Scan.class).predicate()).isEqualTo(eq(col("a"), lit(1)));
    }

    @Test
    void scanWithLimitKeepsTheFilterAbove() {
        LogicalPlan plan = filter(scan("t", "a").withLimit(10), gt(col("a"), lit(1)));

        LogicalPlan result = run(plan);

        assertThat(result).isInstanceOf(Filter.class);
        assertThat(only(result, Scan.class).predicate()).isNull();
        assertThat(rule.rewrite(result).changed()).isFalse();
    }

    @Test
    void sortIsTransparentButTopKIsNot() {
        LogicalPlan plan = filter(sort(scan("t", "a"), "a"), gt(col("a", DataType.INT64), lit(1)));
        assertThat(only(run(plan), Scan.class).predicate()).isNotNull();
    }

    @Test
    void keyPredicatesAreMirroredToTheOtherSide() {
        Join join = join(scan("l", "k", "a"), scan("r", "rk", "b"), JoinType.LEFT, "k", "rk");
        LogicalPlan plan = filter(join, eq(col("k"), lit(7)));

        LogicalPlan result = run(plan);

        List<Scan> scans = find(result, Scan.class);
        assertThat(scans.get(0).predicate()).isEqualTo(eq(col("k"), lit(7)));
        assertThat(scans.get(1).predicate()).isEqualTo(eq(col("rk"), lit(7)));
        LogicalPlan full = filter(join(scan("l", "k", "a"), scan("r", "rk", "b"), JoinType.FULL, "k", "rk"),
                eq(col("k"), lit(7)));
        assertThat(find(run(full), Scan.class)).allSatisfy(s -> assertThat(s.predicate()).isNull());
        LogicalPlan nonKey = filter(join, eq(col("a"), lit(7)));
        assertThat(find(run(nonKey), Scan.class).get(1).predicate()).isNull();
    }

    @Test
    void rightJoinKeyPredicatesAreMirroredToTheLeft() {
        Join join = join(scan("l", "k", "a"), scan("r", "rk", "b"), JoinType.RIGHT, "k", "rk");
        LogicalPlan plan = filter(join, eq(col("rk"), lit(7)));

        List<Scan> scans = find(run(plan), Scan.class);

        assertThat(scans.get(0).predicate()).isEqualTo(eq(col("k"), lit(7)));
        assertThat(scans.get(1).predicate()).isEqualTo(eq(col("rk"), lit(7)));
    }
}
