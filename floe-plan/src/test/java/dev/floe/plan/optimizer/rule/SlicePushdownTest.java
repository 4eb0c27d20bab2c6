package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.Union;
import dev.floe.plan.optimizer.Transformed;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlicePushdownTest {
    private final SlicePushdown rule = new SlicePushdown();

    private LogicalPlan run(LogicalPlan plan) {
        Transformed<LogicalPlan> result = rule.rewrite(plan);
        assertThat(result.value().schema()).isEqualTo(plan.schema());
        return result.value();
    }

    @Test
    void headThroughProjectionLandsInTheScanLimit() {
        LogicalPlan plan = new Slice(project(scan("t", "a").withPredicate(gt(col("a"), lit(0))),
                named("b", add(col("a"), lit(1)))), 0, 10);

        LogicalPlan result = run(plan);

        assertThat(find(result, Slice.class)).isEmpty();
        Scan scan = only(result, Scan.class);
        assertThat(scan.limit()).isEqualTo(10);
        assertThat(scan.predicate()).isNotNull();
    }

    @Test
    void offsetSliceKeepsTheSliceAndReadsOffsetPlusLength() {
        LogicalPlan result = run(new Slice(scan("t", "a"), 5, 10));
        assertThat(((Slice) result).offset()).isEqualTo(5);
        assertThat(only(result, Scan.class).limit()).isEqualTo(15);
    }

    @Test
    void sortAndHeadBecomeTopK() {
        LogicalPlan head = run(new Slice(sort(scan("t", "a"), "a"), 0, 3));
        assertThat(head).isInstanceOf(Sort.class);
        assertThat(((Sort) head).limit()).isEqualTo(3);

        LogicalPlan offset = run(new Slice(sort(scan("t", "a"), "a"), 2, 3));
        assertThat(offset).isInstanceOf(Slice.class);
        assertThat(only(offset, Sort.class).limit()).isEqualTo(5);
        assertThat(only(offset, Scan.class).limit()).isEqualTo(-1);
    }

    @Test
    void slicesMergeAndUnionInputsAreBounded() {
        LogicalPlan merged = run(new Slice(new Slice(memory("a"), 2, 10), 3, 100));
        assertThat(merged).isEqualTo(new Slice(memory("a"), 5, 7));

        LogicalPlan union = run(new Slice(new Union(List.of(scan("x", "a"), scan("y", "a"))), 0, 4));
        assertThat(union).isInstanceOf(Slice.class);
        assertThat(((Slice) union).input()).isInstanceOf(Union.class);
        assertThat(find(union, Scan.class)).allSatisfy(s -> assertThat(s.limit()).isEqualTo(4));
        assertThat(rule.rewrite(union).changed()).isFalse();
    }

    @Test
    void doesNotMoveTailsOrCrossFilters() {
        LogicalPlan tail = new Slice(scan("t", "a"), -3, 3);
        LogicalPlan overFilter = new Slice(filter(scan("t", "a"), gt(col("a"), lit(0))), 0, 3);
        LogicalPlan overWindow = new Slice(withColumns(scan("t", "a"), named("w", windowSum(col("a"), col("a")))),
                0, 3);
        assertThat(rule.rewrite(tail).changed()).isFalse();
        assertThat(rule.rewrite(overFilter).changed()).isFalse();
        assertThat(only(rule.rewrite(overFilter).value(), Filter.class)).isNotNull();
        assertThat(rule.rewrite(overWindow).changed()).isFalse();
    }
}
