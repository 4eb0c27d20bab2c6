package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.aggregate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner splits scans by key ranges when row-group statistics prove it, and falls back otherwise. */
class KeyRangePlanningTest {
    private static StageGraph plan(LogicalPlan plan) {
        return new DistributedPlanner(TestOptions.defaults(), 2, SortedRowGroups.SPLITTER).plan(plan);
    }

    private static Aggregate sumByKey(LogicalPlan input, String total) {
        return new Aggregate(input, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate(total, new AggregateFunction.Sum(), "v", DataType.INT64)), false);
    }

    private static Join joinOnKey(LogicalPlan left, LogicalPlan right) {
        LogicalExpr key = new LogicalExpr.Column("k", DataType.INT64);
        return new Join(left, right, JoinType.INNER, List.of(key), List.of(key), "_right");
    }

    private static Filter positive(LogicalPlan input) {
        return new Filter(input, new LogicalExpr.Binary(BinaryOperator.GREATER,
                new LogicalExpr.Column("v", DataType.INT64), new LogicalExpr.Literal(0L, DataType.INT64),
                DataType.BOOLEAN));
    }

    private static long scans(LogicalPlan plan) {
        long own = plan instanceof Scan scan && FragmentBinder.isSplitLeaf(scan) ? 1 : 0;
        return own + plan.inputs().stream().mapToLong(KeyRangePlanningTest::scans).sum();
    }

    @Test
    void anAggregateByTheKeyRunsWholeInOneRangeSplitStage() {
        Aggregate query = sumByKey(SortedRowGroups.table("sorted"), "total");
        StageGraph graph = plan(query);

        assertThat(graph.stages()).hasSize(1);
        Stage stage = graph.root();
        assertThat(stage.partitions()).isEqualTo(4);
        assertThat(stage.keyRanges()).hasValueSatisfying(ranges -> {
            assertThat(ranges.column()).isEqualTo("k");
            assertThat(ranges.boundaries()).containsExactly(200L, 400L, 600L);
        });
        assertThat(stage.fragment()).isEqualTo(query);
        assertThat(StageGraphText.text(graph)).contains("splits by k ranges at 200, 400, 600: 1 scan tasks");
    }

    @Test
    void aSelfJoinOnTheKeyAndTheAggregateBelowItShareOneStage() {
        Join query = joinOnKey(positive(SortedRowGroups.table("sorted")), sumByKey(SortedRowGroups.table("sorted"), "total"));
        StageGraph graph = plan(query);

        assertThat(graph.stages()).hasSize(1);
        assertThat(graph.root().keyRanges()).isPresent();
        assertThat(scans(graph.root().fragment())).isEqualTo(2);
        assertThat(graph.root().fragment()).isEqualTo(query);
    }

    @Test
    void aRowGroupStraddlingTheRangesFallsBackToTheHashExchange() {
        StageGraph graph = plan(sumByKey(SortedRowGroups.table("straddle"), "total"));

        assertThat(graph.stages()).hasSize(2);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(graph.stage(0).keyRanges()).isEmpty();
    }

    @Test
    void absentStatisticsFallBackToTheHashExchange() {
        StageGraph graph = plan(sumByKey(SortedRowGroups.table("nostats"), "total"));

        assertThat(graph.stages()).hasSize(2);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(graph.stages()).allSatisfy(stage -> assertThat(stage.keyRanges()).isEmpty());
    }

    @Test
    void twoSourcesSplitAtTheSameKeysAreNotCoLocated() {
        StageGraph graph = plan(joinOnKey(sumByKey(SortedRowGroups.table("sorted"), "total"), sumByKey(SortedRowGroups.table("sorted-too"), "sum")));

        assertThat(graph.stages()).allSatisfy(stage -> assertThat(scans(stage.fragment())).isLessThanOrEqualTo(1));
        assertThat(graph.stages().stream().filter(stage -> stage.keyRanges().isPresent())).hasSize(2);
    }

    @Test
    void aHashedPartIsNeverCoLocatedWithARangeSplitOne() {
        StageBuilder stages = new StageBuilder(4, new KeyRangeSplits(SortedRowGroups.SPLITTER, 4));
        Scan scan = SortedRowGroups.table("sorted");
        PlanPart plain = new PlanPart(scan, 4, List.of(), List.of(new PartitionSplit.ScanSplit(List.of()),
                new PartitionSplit.ScanSplit(List.of()), new PartitionSplit.ScanSplit(List.of()),
                new PartitionSplit.ScanSplit(List.of())), Partitioning.NONE);
        PlanPart ranged = stages.rangeSplit(plain, "k").orElseThrow();
        PlanPart hashed = new PlanPart(scan, 4, List.of(), ranged.splits(), Partitioning.hashed(List.of("k")));

        assertThat(ranged.partitions()).isEqualTo(4);
        assertThat(stages.hashedOn(ranged, List.of("k"))).isFalse();
        assertThat(stages.groupedWithin(ranged, List.of("k", "v"))).contains(List.of("k"));
        assertThat(stages.coLocated(ranged, "k", hashed, "k")).isEmpty();
        assertThat(stages.coLocated(hashed, "k", ranged, "k")).isEmpty();
        assertThat(stages.coLocated(ranged, "k", plain, "k")).isPresent();
        assertThat(stages.rangeSplit(hashed, "k")).isEmpty();
    }

    @Test
    void aRangeSplitStageReadsOtherStagesWholeOrRangedByItsOwnBoundaries() {
        Join query = joinOnKey(sumByKey(SortedRowGroups.table("sorted"), "total"),
                sumByKey(TestPlans.keyValues(8, 10, 3), "sum"));
        StageGraph graph = plan(query);

        assertThat(graph.stages().stream().filter(stage -> stage.keyRanges().isPresent())).isNotEmpty()
                .allSatisfy(stage -> assertThat(stage.inputStages()).allSatisfy(input -> {
                    if (!(graph.stage(input).output() instanceof Exchange.Broadcast)) {
                        Exchange.Range range = (Exchange.Range) graph.stage(input).output();
                        assertThat(range.partitions()).isEqualTo(stage.partitions());
                        assertThat(range.bounds().column("k").getObject(0)).isEqualTo(
                                stage.keyRanges().orElseThrow().boundaries().getFirst());
                    }
                }));
    }
}
