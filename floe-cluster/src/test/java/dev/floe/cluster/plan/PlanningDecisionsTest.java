package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.SizedFiles.table;
import static dev.floe.cluster.plan.TestPlans.aggregate;
import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's choices over sized sources: which join side moves, what needs no exchange, what needs no stage. */
class PlanningDecisionsTest {
    private static final Schema FACT = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64));
    private static final Schema DIMENSION = Schema.of(Field.of("id", DataType.INT64),
            Field.of("name", DataType.STRING));

    private static StageGraph plan(LogicalPlan plan) {
        return new DistributedPlanner(TestOptions.defaults(), 2, SizedFiles.SPLITTER).plan(plan);
    }

    private static Join factWithDimension(LogicalPlan fact, LogicalPlan dimension) {
        return new Join(dimension, fact, JoinType.INNER, List.of(column("id", DataType.INT64)),
                List.of(column("k", DataType.INT64)), "_right");
    }

    @Test
    void aSmallLeftSideIsBroadcastAndTheJoinSwappedToBuildOnIt() {
        Join join = factWithDimension(table(FACT, 1_000_000, 8), table(DIMENSION, 300_000, 1));
        StageGraph graph = plan(join);

        assertThat(graph.stages()).hasSize(2);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Broadcast());
        assertThat(graph.stage(0).fragment()).isEqualTo(join.left());
        Stage probe = graph.root();
        assertThat(probe.partitions()).isEqualTo(4);
        assertThat(probe.fragment()).isInstanceOfSatisfying(Project.class, project -> {
            assertThat(project.schema()).isEqualTo(join.schema());
            assertThat(project.input()).isInstanceOfSatisfying(Join.class, swapped -> {
                assertThat(swapped.left()).isEqualTo(join.right());
                assertThat(ShuffleInputs.stageOf(swapped.right())).hasValue(0);
            });
        });
    }

    @Test
    void aSmallSourceSideIsReadByEveryTaskWithoutAStage() {
        Join join = new Join(table(FACT, 1_000_000, 8), table(DIMENSION, 100, 1), JoinType.INNER,
                List.of(column("k", DataType.INT64)), List.of(column("id", DataType.INT64)), "_right");
        StageGraph graph = plan(join);

        assertThat(graph.stages()).hasSize(1);
        Stage only = graph.root();
        assertThat(only.partitions()).isEqualTo(4);
        LogicalPlan bound = FragmentBinder.bindSplit(only, 2);
        Scan dimension = (Scan) bound.inputs().get(1);
        assertThat(dimension.source().options()).containsEntry(FragmentBinder.WHOLE_OPTION, "true");
        assertThat(dimension.source().paths()).isEqualTo(join.right() instanceof Scan scan ? scan.source().paths()
                : List.of());
        Scan fact = (Scan) bound.inputs().get(0);
        assertThat(fact.source().options()).containsKey(ScanTaskSelection.OPTION);
    }

    @Test
    void aSmallAggregatingSideIsOneBroadcastStageWhenItsReaderWaitsForOtherStagesAnyway() {
        Aggregate totals = new Aggregate(table(FACT, 1_000_000, 8), List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
        Join join = new Join(totals, largestId(), JoinType.CROSS, List.of(), List.of(), "_right");
        StageGraph graph = plan(join);

        // partial totals hashed on k, the largest id computed once and broadcast, the final totals reading both
        assertThat(graph.stages()).extracting(stage -> StageGraphText.exchange(stage.output()))
                .containsExactly("hash(k; 4)", "broadcast", "result");
        assertThat(graph.stage(1).partitions()).isEqualTo(1);
        assertThat(graph.stage(1).fragment()).isInstanceOf(Aggregate.class);
        assertThat(graph.root().inputStages()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void aSmallAggregatingSideIsComputedByEachTaskOfAReaderThatWaitsForNothing() {
        Join join = new Join(table(FACT, 1_000_000, 8), largestId(), JoinType.CROSS, List.of(), List.of(), "_right");
        StageGraph graph = plan(join);

        assertThat(graph.stages()).hasSize(1);
        Join bound = (Join) FragmentBinder.bindSplit(graph.root(), 1);
        Scan dimension = (Scan) bound.right().inputs().getFirst();
        assertThat(dimension.source().options()).containsEntry(FragmentBinder.WHOLE_OPTION, "true");
    }

    private static Aggregate largestId() {
        return new Aggregate(table(DIMENSION, 100, 1), List.of(),
                List.of(aggregate("largest", new AggregateFunction.Max(), "id", DataType.INT64)), false);
    }

    @Test
    void twoBigSidesArePartitionedAndAnAggregationOnTheKeyNeedsNoMoreExchange() {
        Join join = new Join(table(FACT, 3_000_000, 8), table(FACT, 3_000_000, 8), JoinType.INNER,
                List.of(column("k", DataType.INT64)), List.of(column("k", DataType.INT64)), "_right");
        Aggregate byKey = new Aggregate(join, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
        StageGraph graph = plan(byKey);

        // the identical scans are one stage, read as both sides; the aggregation runs where the join does
        assertThat(graph.stages()).hasSize(2);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(graph.root().fragment()).isInstanceOfSatisfying(Aggregate.class,
                aggregate -> assertThat(aggregate.aggregates()).isEqualTo(byKey.aggregates()));
    }

    @Test
    void aJoinOnTheKeyOfAnAggregatedSideShufflesOnlyTheOtherSide() {
        Aggregate totals = new Aggregate(table(FACT, 1_000_000, 8), List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
        Join join = new Join(table(FACT, 900_000, 8), totals, JoinType.SEMI, List.of(column("k", DataType.INT64)),
                List.of(column("k", DataType.INT64)), "_right");
        StageGraph graph = plan(join);

        // partial totals hashed on k, the left scan hashed on k, the final totals and the join in one stage
        assertThat(graph.stages()).extracting(stage -> StageGraphText.exchange(stage.output()))
                .containsExactly("hash(k; 4)", "hash(k; 4)", "result");
        assertThat(graph.root().inputStages()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void anAggregationOverAUnionRunsItsPartialStepInEachInputStage() {
        Union both = new Union(List.of(TestPlans.keyValues(8, 10, 3), TestPlans.keyValues(6, 10, 3)));
        Aggregate totals = new Aggregate(both, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
        StageGraph graph = plan(totals);

        assertThat(graph.stages()).extracting(stage -> StageGraphText.exchange(stage.output()))
                .containsExactly("hash(k; 4)", "hash(k; 4)", "result");
        assertThat(graph.stage(0).fragment()).isInstanceOf(Aggregate.class);
        assertThat(graph.root().fragment()).isInstanceOfSatisfying(Aggregate.class, aggregate -> {
            assertThat(aggregate.schema()).isEqualTo(totals.schema());
            assertThat(aggregate.input()).isInstanceOf(Union.class);
        });
    }

    @Test
    void aSortedAggregationRunsItsFinalStepOnTheGatheringTask() {
        Aggregate totals = new Aggregate(TestPlans.keyValues(8, 10, 3), List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
        Sort sorted = new Sort(totals, List.of(new SortKey(column("k", DataType.INT64), false, false)), false, -1);
        StageGraph graph = plan(sorted);

        assertThat(graph.stages()).extracting(stage -> StageGraphText.exchange(stage.output()))
                .containsExactly("gather", "result");
        assertThat(graph.root().fragment()).isInstanceOfSatisfying(Sort.class,
                sort -> assertThat(sort.input()).isInstanceOf(Aggregate.class));
    }

    @Test
    void aBigRightSideOfALeftJoinKeepsOnlyTheRowsMatchingASmallFilteredLeftSide() {
        Scan dimension = table(DIMENSION, 100_000, 1).withPredicate(new dev.floe.plan.expr.LogicalExpr.Binary(
                dev.floe.plan.function.BinaryOperator.EQUAL, column("name", DataType.STRING),
                new dev.floe.plan.expr.LogicalExpr.Literal("x", DataType.STRING), DataType.BOOLEAN));
        Join join = new Join(dimension, table(FACT, 1_000_000, 8), JoinType.LEFT,
                List.of(column("id", DataType.INT64)), List.of(column("k", DataType.INT64)), "_right");
        StageGraph graph = plan(join);

        // the fact stage semi-joins the dimension's keys (read by each task), the few rows left are broadcast
        assertThat(graph.stages()).extracting(stage -> StageGraphText.exchange(stage.output()))
                .containsExactly("broadcast", "result");
        assertThat(graph.stage(0).fragment()).isInstanceOfSatisfying(Join.class, semi -> {
            assertThat(semi.type()).isEqualTo(JoinType.SEMI);
            assertThat(semi.left()).isEqualTo(join.right());
            assertThat(semi.right().schema().names()).containsExactly("id");
        });
        assertThat(graph.root().partitions()).isEqualTo(1);
        assertThat(graph.root().fragment()).isInstanceOfSatisfying(Join.class,
                root -> assertThat(root.type()).isEqualTo(JoinType.LEFT));
    }
}
