package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.Transformed;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionPushdownTest {
    private final ProjectionPushdown rule = new ProjectionPushdown();

    private LogicalPlan run(LogicalPlan plan) {
        Transformed<LogicalPlan> result = rule.rewrite(plan);
        assertThat(result.value().schema()).isEqualTo(plan.schema());
        return result.value();
    }

    @Test
    void scanReadsOnlySelectedColumnsAndNotPredicateOnlyOnes() {
        Scan scan = scan("t", "a", "b", "c", "d").withPredicate(gt(col("d"), lit(0)));
        LogicalPlan plan = select(filter(scan, gt(col("c"), lit(1))), "b", "a");

        LogicalPlan result = run(plan);

        assertThat(only(result, Scan.class).projection()).containsExactly("a", "b", "c");
    }

    @Test
    void inMemoryGetsAProject() {
        LogicalPlan result = run(select(memory("a", "b", "c"), "c"));
        Project inserted = (Project) ((Project) result).input();
        assertThat(inserted.schema().names()).containsExactly("c");
    }

    @Test
    void unusedWithColumnsAndAggregationsAreDropped() {
        LogicalPlan with = withColumns(scan("t", "a", "b"), named("x", add(col("a"), lit(1))),
                named("y", mul(col("b"), lit(2))));
        LogicalPlan aggregated = aggregate(with, List.of("a"), named("sx", sum(col("x"))), named("sy", sum(col("y"))));
        LogicalPlan plan = select(aggregated, "a", "sx");

        LogicalPlan result = run(plan);

        assertThat(only(result, WithColumns.class).exprs()).extracting(e -> e.name()).containsExactly("x");
        assertThat(only(result, Aggregate.class).aggregates()).extracting(e -> e.name()).containsExactly("sx");
        assertThat(only(result, Scan.class).projection()).containsExactly("a");
    }

    @Test
    void theRootKeepsAllItsColumns() {
        LogicalPlan plan = withColumns(scan("t", "a", "b"), named("c", add(col("a"), lit(1))));
        assertThat(rule.rewrite(plan).changed()).isFalse();
    }

    @Test
    void joinPrunesBothSidesButKeepsKeysAndClashingNames() {
        Join join = join(scan("l", "k", "a", "x"), scan("r", "k", "a", "y"), JoinType.INNER, "k", "k");
        LogicalPlan plan = select(join, "a_right");

        LogicalPlan result = run(plan);

        List<Scan> scans = find(result, Scan.class);
        assertThat(scans.get(0).projection()).containsExactly("k", "a");
        assertThat(scans.get(1).projection()).containsExactly("k", "a");
    }

    @Test
    void nothingIsPrunedBelowCacheOrFullDistinct() {
        LogicalPlan cached = select(new Cache(scan("t", "a", "b"), 0), "a");
        assertThat(only(run(cached), Scan.class).projection()).isNull();
        LogicalPlan distinct = select(new Distinct(scan("t", "a", "b"), null, UniqueKeep.ANY, false), "a");
        assertThat(only(run(distinct), Scan.class).projection()).isNull();
    }

    @Test
    void countingRowsKeepsOneColumn() {
        LogicalPlan plan = aggregate(scan("t", "a", "b"), List.of(),
                named("n", new dev.floe.plan.expr.LogicalExpr.Aggregate(new dev.floe.plan.function.AggregateFunction.Len(),
                        null, dev.floe.core.types.DataType.UINT32)));
        assertThat(only(run(plan), Scan.class).projection()).containsExactly("a");
    }
}
