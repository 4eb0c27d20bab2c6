package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.aggregate;
import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which partitioned joins get a broadcast variant decided at run time, and what that variant runs. */
class AdaptiveJoinsTest {
    private static final Schema FACT = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64));

    private static Scan table(long rowsPerTask, int tasks) {
        return SizedFiles.table(FACT, rowsPerTask, tasks);
    }

    private static StageGraph plan(LogicalPlan plan) {
        return new DistributedPlanner(TestOptions.defaults(), 2, SizedFiles.SPLITTER).plan(plan);
    }

    private static Aggregate totals(LogicalPlan input) {
        return new Aggregate(input, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
    }

    /** The groups whose total is over 300: how many is anyone's guess. */
    private static Filter bigTotals(LogicalPlan input) {
        return new Filter(totals(input), new LogicalExpr.Binary(BinaryOperator.GREATER,
                column("total", DataType.INT64), new LogicalExpr.Literal(300L, DataType.INT64), DataType.BOOLEAN));
    }

    private static Join join(LogicalPlan left, LogicalPlan right, JoinType type) {
        return new Join(left, right, type, List.of(column("k", DataType.INT64)), List.of(column("k", DataType.INT64)),
                "_right");
    }

    @Test
    void aJoinWithAFilteredAggregateSideGetsABroadcastVariant() {
        Join join = join(table(900_000, 8), bigTotals(table(8_000_000, 8)), JoinType.SEMI);
        StageGraph graph = plan(join);

        assertThat(graph.adaptive()).hasSize(1);
        AdaptiveJoin adaptive = graph.adaptive().getFirst();
        Stage small = graph.stage(adaptive.smallStage());
        Stage held = graph.stage(adaptive.heldStage());
        Stage joined = graph.stage(adaptive.joinStage());
        assertThat(small.fragment()).isInstanceOf(Filter.class);
        assertThat(small.output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(held.fragment()).isEqualTo(join.left());
        assertThat(held.output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(joined.inputStages()).containsExactlyInAnyOrder(adaptive.smallStage(), adaptive.heldStage());
        assertThat(graph.consumers(adaptive.heldStage())).containsExactly(joined);
        assertThat(adaptive.maxRows()).isPositive();

        Stage variant = adaptive.broadcastVariant();
        assertThat(variant.inputStages()).containsExactly(adaptive.smallStage());
        assertThat(variant.output()).isEqualTo(joined.output());
        assertThat(variant.splits()).isEqualTo(held.splits());
        assertThat(variant.partitions()).isEqualTo(held.partitions());
        assertThat(variant.fragment()).isInstanceOfSatisfying(Join.class, broadcast -> {
            assertThat(broadcast.left()).isEqualTo(join.left());
            assertThat(ShuffleInputs.stageOf(broadcast.right())).hasValue(adaptive.smallStage());
            assertThat(ShuffleInputs.isBroadcast(broadcast.right())).isTrue();
        });
        assertThat(StageGraphText.text(graph)).contains("adaptive: if stage " + adaptive.smallStage()
                + " writes at most " + adaptive.maxRows() + " rows, skip stage " + adaptive.heldStage());
    }

    @Test
    void anInnerJoinAndALeftJoinGetOneAndARightJoinDoesNot() {
        assertThat(plan(join(table(900_000, 8), bigTotals(table(8_000_000, 8)), JoinType.INNER)).adaptive())
                .hasSize(1);
        assertThat(plan(join(table(900_000, 8), bigTotals(table(8_000_000, 8)), JoinType.LEFT)).adaptive())
                .hasSize(1);
        assertThat(plan(join(table(900_000, 8), bigTotals(table(8_000_000, 8)), JoinType.RIGHT)).adaptive())
                .isEmpty();
    }

    @Test
    void aSideWhoseSizeIsNoGuessGetsNone() {
        StageGraph graph = plan(join(table(900_000, 8), totals(table(1_000_000, 8)), JoinType.SEMI));

        assertThat(graph.adaptive()).isEmpty();
        assertThat(graph.stages()).extracting(stage -> StageGraphText.exchange(stage.output()))
                .containsExactly("hash(k; 4)", "hash(k; 4)", "result");
    }

    @Test
    void aLeftSideComputedFromOtherStagesGetsNone() {
        Join join = join(totals(table(900_000, 8)), bigTotals(table(8_000_000, 8)), JoinType.SEMI);

        assertThat(plan(join).adaptive()).isEmpty();
    }

    @Test
    void aJoinWhoseHeldSideAnotherStageReadsIsPlannedAsUsual() {
        Scan left = table(900_000, 8);
        Join semi = join(left, bigTotals(table(8_000_000, 8)), JoinType.SEMI);
        // the same left side hashed on k for another partitioned join: one shuffle read by both, never skipped
        Join inner = join(left, totals(table(8_000_000, 8)), JoinType.INNER);
        Union both = new Union(List.of(semi, new Project(inner, List.of(NamedExpr.column("k", DataType.INT64),
                NamedExpr.column("v", DataType.INT64)))));
        StageGraph graph = plan(both);

        assertThat(graph.adaptive()).isEmpty();
        assertThat(StageGraphText.text(graph)).doesNotContain("adaptive");
        Stage leftShuffle = graph.stages().stream().filter(stage -> stage.fragment().equals(left)).findFirst()
                .orElseThrow();
        assertThat(graph.consumers(leftShuffle.id())).hasSize(2);
    }

    @Test
    void theRowLimitIsTheLargestSideTheCostModelWouldBroadcast() {
        long limit = 1L << 30;
        java.util.function.LongFunction<JoinDistribution.Sides> sides = right -> new JoinDistribution.Sides(
                600_000_000L, right, 4, 6, 6, false, true, false, false, true, false, limit, 0, 0);
        long max = AdaptiveJoins.maxBroadcastBytes(sides, limit);

        assertThat(max).isPositive().isLessThan(limit);
        assertThat(JoinDistribution.choose(sides.apply(max))).isEqualTo(JoinDistribution.BROADCAST_RIGHT);
        assertThat(JoinDistribution.choose(sides.apply(max + 1))).isEqualTo(JoinDistribution.PARTITIONED);
        assertThat(AdaptiveJoins.maxBroadcastBytes(sides, 1000)).isEqualTo(1000);
    }
}
