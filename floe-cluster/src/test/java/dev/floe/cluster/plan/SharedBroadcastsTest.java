package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.DistributedOptions;
import dev.floe.core.types.DataType;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Join sides computing the same shared subplan read one broadcast stage. */
class SharedBroadcastsTest {
    private static final InMemory SMALL = TestPlans.keyValues(4, 10, 3);
    private static final InMemory BIG = TestPlans.keyValues(8, 100, 30);

    private static StageGraph plan(LogicalPlan plan, DistributedOptions options) {
        return new DistributedPlanner(options, 2, scan -> {
            throw new AssertionError("no scans expected");
        }).plan(plan);
    }

    private static Join join(LogicalPlan left, LogicalPlan right, JoinType type) {
        return new Join(left, right, type, List.of(column("k", DataType.INT64)), List.of(column("k", DataType.INT64)),
                "_right");
    }

    /** The big rows whose key is among the shared subplan's keys (its projection to k, broadcast). */
    private static Join semiJoinOnSharedKeys(Cache shared) {
        return join(BIG, new Project(shared, List.of(NamedExpr.column("k", DataType.INT64))), JoinType.SEMI);
    }

    private static long stagesReadingNothing(StageGraph graph, LogicalPlan source) {
        return graph.stages().stream().filter(stage -> stage.inputStages().isEmpty())
                .filter(stage -> contains(stage.fragment(), source)).count();
    }

    private static boolean contains(LogicalPlan plan, LogicalPlan wanted) {
        return plan == wanted || plan.inputs().stream().anyMatch(input -> contains(input, wanted));
    }

    @Test
    void aProjectionOfASharedSubplanBroadcastsTheWholeSubplanAndProjectsItInTheReadingTask() {
        Cache shared = new Cache(SMALL, 0);
        StageGraph graph = plan(semiJoinOnSharedKeys(shared), TestOptions.defaults());

        Stage broadcast = graph.stages().stream().filter(stage -> stage.output() instanceof Exchange.Broadcast)
                .findFirst().orElseThrow();
        assertThat(broadcast.fragment().schema()).isEqualTo(SMALL.schema());
        LogicalPlan buildSide = graph.root().fragment().inputs().get(1);
        assertThat(buildSide).isInstanceOf(Project.class);
        assertThat(buildSide.schema().names()).containsExactly("k");
        assertThat(ShuffleInputs.stageOf(buildSide.inputs().getFirst())).hasValue(broadcast.id());
        assertThat(ShuffleInputs.isBroadcast(buildSide.inputs().getFirst())).as("shared per worker").isTrue();
    }

    @Test
    void anInnerJoinSideWhoseBroadcastExistsReadsItInsteadOfComputingTheSubplanAgain() {
        Cache shared = new Cache(SMALL, 0);
        Join query = join(shared, semiJoinOnSharedKeys(shared), JoinType.INNER);
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(stagesReadingNothing(graph, SMALL)).isEqualTo(1);
        assertThat(graph.stages()).hasSize(2);
        assertThat(graph.stages().getFirst().output()).isEqualTo(new Exchange.Broadcast());
        assertThat(graph.root().inputStages()).containsExactly(0);
    }

    @Test
    void aSharedSubplanBeyondTheBroadcastLimitIsNotWidened() {
        Cache shared = new Cache(SMALL, 0);
        // the keys (40 rows of 9 bytes) fit 500 bytes, the whole subplan (40 rows of 17 bytes) does not
        StageGraph graph = plan(semiJoinOnSharedKeys(shared), TestOptions.defaults().withEquiJoinBroadcastLimit(500));

        Stage broadcast = graph.stages().stream().filter(stage -> stage.output() instanceof Exchange.Broadcast)
                .findFirst().orElseThrow();
        assertThat(broadcast.fragment().schema().names()).containsExactly("k");
    }

    @Test
    void aSideWithoutASharedSubplanHasNoBroadcastToReuse() {
        StageBuilder stages = new StageBuilder(4);
        SharedBroadcasts broadcasts = new SharedBroadcasts(stages, new SizeEstimator(scan -> List.of()), 1 << 20);
        PlanPart side = new PlanPart(SMALL, 4, List.of(), List.of(), Partitioning.NONE);

        assertThat(broadcasts.exists(side)).isFalse();
        assertThat(broadcasts.recomputeBytes(side, SMALL)).isZero();
        SharedBroadcasts.Read read = broadcasts.broadcast(side, SMALL);

        assertThat(broadcasts.exists(side)).isTrue();
        // once broadcast, any other distribution reads its 40 rows of two longs (and a validity byte) again
        assertThat(broadcasts.recomputeBytes(side, SMALL)).isEqualTo(40 * 17);
        assertThat(ShuffleInputs.stageOf(read.plan())).hasValue(0);
        assertThat(ShuffleInputs.isBroadcast(read.plan())).as("shared per worker").isTrue();
        assertThat(read.inputs()).containsExactly(0);
    }
}
