package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.aggregate;
import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.DistributedOptions;
import dev.floe.core.types.DataType;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Identical subplans become one stage whose shuffle output every consumer reads. */
class StageSharingTest {
    private static StageGraph plan(LogicalPlan plan, DistributedOptions options) {
        return new DistributedPlanner(options, 2, scan -> {
            throw new AssertionError("no scans expected");
        }).plan(plan);
    }

    private static Aggregate totalsByKey(LogicalPlan input) {
        return new Aggregate(input, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("v", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
    }

    @Test
    void aSharedSubplanIsComputedOnceAndReadByEveryConsumer() {
        InMemory data = TestPlans.keyValues(8, 10, 3);
        Cache shared = new Cache(totalsByKey(data), 0);
        Union query = new Union(List.of(shared, shared));
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stages()).extracting(stage -> StageGraphText.exchange(stage.output()))
                .containsExactly("hash(k; 4)", "round_robin(4)", "result");
        assertThat(graph.root().inputStages()).containsExactly(1);
        assertThat(graph.consumers(0)).extracting(Stage::id).containsExactly(1);
    }

    @Test
    void sharedStagesChainSoTheWholeRepeatedBranchRunsOnce() {
        InMemory data = TestPlans.keyValues(8, 10, 3);
        Join query = new Join(totalsByKey(data), totalsByKey(data), JoinType.INNER,
                List.of(column("k", DataType.INT64)), List.of(column("k", DataType.INT64)), "_right");
        StageGraph graph = plan(query, TestOptions.defaults().withEquiJoinBroadcastLimit(0));

        // partial aggregate -> hash(k) once; both final aggregates are already hashed on k, so the join runs in
        // the same stage with no more exchange
        assertThat(graph.stages()).hasSize(2);
        assertThat(graph.root().inputStages()).containsExactly(0);
        assertThat(graph.root().fragment().inputs()).hasSize(2).allSatisfy(side ->
                assertThat(side.inputs()).singleElement().satisfies(read ->
                        assertThat(ShuffleInputs.stageOf(read)).hasValue(0)));
    }

    @Test
    void differentWorkOnTheSameDataIsNotShared() {
        InMemory data = TestPlans.keyValues(8, 10, 3);
        Aggregate totals = totalsByKey(data);
        Aggregate counts = new Aggregate(data, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("v", new AggregateFunction.Max(), "v", DataType.INT64)), false);
        Union query = new Union(List.of(totals, counts));
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stages()).hasSize(5);
        assertThat(graph.stages().stream().filter(stage -> stage.inputStages().isEmpty()).count()).isEqualTo(2);
    }

    @Test
    void differentDataIsNotShared() {
        Union query = new Union(List.of(totalsByKey(TestPlans.keyValues(8, 10, 3)),
                totalsByKey(TestPlans.keyValues(8, 10, 3))));
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stages()).hasSize(5);
    }
}
