package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.aggregate;
import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.testing.BatchRows;
import dev.floe.core.types.DataType;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Union;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache stays in a fragment only where more than one of its consumers reads it, so each task computes it once. */
class SharedCachesTest {
    static String text(LogicalPlan fragment) {
        StringBuilder out = new StringBuilder();
        FragmentText.render(fragment, "", out);
        return out.toString();
    }

    private static long caches(LogicalPlan plan) {
        long own = plan instanceof Cache ? 1 : 0;
        return own + plan.inputs().stream().mapToLong(SharedCachesTest::caches).sum();
    }

    private static Filter positive(LogicalPlan input) {
        return new Filter(input, new LogicalExpr.Binary(BinaryOperator.GREATER, column("v", DataType.INT64),
                new LogicalExpr.Literal(0L, DataType.INT64), DataType.BOOLEAN));
    }

    @Test
    void twoReadersOfTheSameCacheKeepIt() {
        Cache shared = new Cache(positive(TestPlans.keyValues(2, 5, 3)), 0);
        LogicalPlan fragment = new Union(List.of(shared, shared));
        assertThat(SharedCaches.keepShared(fragment)).isEqualTo(fragment);
    }

    @Test
    void aCacheReadOnceInAFragmentIsRemoved() {
        InMemory data = TestPlans.keyValues(2, 5, 3);
        LogicalPlan fragment = new Union(List.of(new Cache(positive(data), 0), data));
        assertThat(SharedCaches.keepShared(fragment)).isEqualTo(new Union(List.of(positive(data), data)));
    }

    @Test
    void copiesOfOneCacheThatDifferAreRemoved() {
        InMemory data = TestPlans.keyValues(2, 5, 3);
        LogicalPlan fragment = new Union(List.of(new Cache(positive(data), 0), new Cache(data, 0)));
        assertThat(caches(SharedCaches.keepShared(fragment))).isZero();
    }

    private static Aggregate totalsByKey(LogicalPlan input) {
        return new Aggregate(input, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("v", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
    }

    /** Like PDS-H q21: a shared join is probed by one consumer and aggregated by the other, in one stage. */
    @Test
    void aCacheWhoseConsumersShareAStageIsComputedOnceByEachTask(@TempDir Path directory) {
        InMemory data = TestPlans.keyValues(8, 50, 13);
        Cache shared = new Cache(new Join(data, positive(totalsByKey(data)), JoinType.SEMI,
                List.of(column("k", DataType.INT64)), List.of(column("k", DataType.INT64)), "_right"), 0);
        Join query = new Join(shared, totalsByKey(shared), JoinType.INNER, List.of(column("k", DataType.INT64)),
                List.of(column("k", DataType.INT64)), "_right");
        StageGraph graph = new DistributedPlanner(TestOptions.defaults().withEquiJoinBroadcastLimit(0), 2,
                scan -> {
                    throw new AssertionError("no scans expected");
                }).plan(query);

        assertThat(graph.stages()).filteredOn(stage -> caches(stage.fragment()) == 2).singleElement()
                .satisfies(stage -> assertThat(text(stage.fragment())).contains("Cache 0"));
        assertThat(graph.stages()).allSatisfy(stage -> assertThat(caches(stage.fragment())).isIn(0L, 2L));
        List<List<Object>> distributed = BatchRows.comparable(new InProcessStages(directory).run(graph));
        List<List<Object>> local = BatchRows.comparable(
                new LocalExecutor(ExecutionOptions.defaults().withThreads(1)).execute(query).batches());
        assertThat(distributed).isEqualTo(local).isNotEmpty();
    }

    @Test
    void aSharedCacheOverTheStageSourceIsBoundToTheSplitOnce() {
        InMemory data = TestPlans.keyValues(4, 5, 3);
        Cache shared = new Cache(positive(data), 0);
        List<PartitionSplit> splits = List.of(new PartitionSplit.MemorySplit(data.batches().subList(0, 2)),
                new PartitionSplit.MemorySplit(data.batches().subList(2, 4)));
        Stage stage = new Stage(0, new Union(List.of(shared, shared)), 2, new Exchange.Result(), List.of(), splits);

        LogicalPlan bound = FragmentBinder.bindSplit(stage, 1);
        Cache first = (Cache) bound.inputs().get(0);
        assertThat(bound.inputs().get(1)).isSameAs(first);
        assertThat(((InMemory) first.input().inputs().getFirst()).batches()).isEqualTo(data.batches().subList(2, 4));
    }
}
