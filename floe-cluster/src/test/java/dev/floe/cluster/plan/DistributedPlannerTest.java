package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.aggregate;
import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.DistributedOptions;
import dev.floe.core.types.DataType;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistributedPlannerTest {
    private static final long MB = 1000;
    private static final ScanSplitter NO_SCANS = scan -> {
        throw new AssertionError("no scans expected");
    };

    private static StageGraph plan(LogicalPlan plan, DistributedOptions options) {
        return new DistributedPlanner(options, 2, NO_SCANS).plan(plan);
    }

    private static Aggregate sumAndMeanByKey(LogicalPlan input) {
        return new Aggregate(input, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64),
                        aggregate("average", new AggregateFunction.Mean(), "v", DataType.FLOAT64),
                        new NamedExpr("rows", new dev.floe.plan.expr.LogicalExpr.Aggregate(
                                new AggregateFunction.Len(), null, DataType.UINT32))), false);
    }

    @Test
    void aggregationSplitsIntoPartialAndFinalAroundAHashExchange() throws IOException {
        Aggregate query = sumAndMeanByKey(TestPlans.keyValues(8, 10, 3));
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stages()).hasSize(2);
        Stage partial = graph.stage(0);
        assertThat(partial.partitions()).isEqualTo(4);
        assertThat(partial.output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(partial.fragment()).isInstanceOf(Aggregate.class);
        assertThat(partial.fragment().schema().names()).containsExactly("k", "__partial_0", "__partial_1",
                "__partial_2", "__partial_3");
        Stage result = graph.root();
        assertThat(result.inputStages()).containsExactly(0);
        assertThat(result.output()).isEqualTo(new Exchange.Result());
        assertThat(result.fragment().schema()).isEqualTo(query.schema());
        Golden.check("aggregate-partial-final.txt", StageGraphText.text(graph));
    }

    @Test
    void withoutPreAggregationTheRawRowsAreShuffled() {
        Aggregate query = sumAndMeanByKey(TestPlans.keyValues(8, 10, 3));
        StageGraph graph = plan(query, TestOptions.defaults().withPreAggregation(false));

        assertThat(graph.stage(0).fragment()).isInstanceOf(InMemory.class);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(graph.root().fragment()).isInstanceOfSatisfying(Aggregate.class,
                aggregate -> assertThat(aggregate.aggregates()).isEqualTo(query.aggregates()));
    }

    @Test
    void medianDoesNotDecomposeSoTheRawRowsAreShuffled() {
        Aggregate query = new Aggregate(TestPlans.keyValues(8, 10, 3), List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("middle", new AggregateFunction.Median(), "v", DataType.FLOAT64)), false);
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stage(0).fragment()).isInstanceOf(InMemory.class);
        assertThat(graph.root().fragment()).isEqualTo(query.withInputs(
                List.of(ShuffleInputs.placeholder(0, query.input().schema()))));
    }

    @Test
    void globalAggregationGathersThePartials() {
        Aggregate query = new Aggregate(TestPlans.keyValues(8, 10, 3), List.of(),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Gather());
        assertThat(graph.root().partitions()).isEqualTo(1);
    }

    private static Join joinNames(int keys) {
        return new Join(TestPlans.keyValues(8, 10, keys), TestPlans.names(keys), JoinType.INNER,
                List.of(column("k", DataType.INT64)), List.of(column("k", DataType.INT64)), "_right");
    }

    @Test
    void smallRightSideIsBroadcast() throws IOException {
        StageGraph graph = plan(joinNames(5), TestOptions.defaults());

        assertThat(graph.stages()).hasSize(2);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Broadcast());
        assertThat(graph.root().partitions()).isEqualTo(4);
        assertThat(graph.root().inputStages()).containsExactly(0);
        Golden.check("join-broadcast.txt", StageGraphText.text(graph));
    }

    @Test
    void rightSideOverTheLimitIsHashPartitionedWithTheLeft() throws IOException {
        StageGraph graph = plan(joinNames(5), TestOptions.defaults().withEquiJoinBroadcastLimit(10));

        assertThat(graph.stages()).hasSize(3);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(graph.stage(1).output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(graph.root().inputStages()).containsExactly(0, 1);
        assertThat(graph.root().partitions()).isEqualTo(4);
        Golden.check("join-partitioned.txt", StageGraphText.text(graph));
    }

    @Test
    void topKRunsPerPartitionThenOnceOnTheGatheredRows() {
        Sort query = new Sort(TestPlans.keyValues(8, 10, 3), List.of(new SortKey(column("v", DataType.INT64), true,
                false)), false, 5);
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stage(0).fragment()).isEqualTo(query);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Gather());
        assertThat(graph.root().fragment()).isEqualTo(query.withInputs(
                List.of(ShuffleInputs.placeholder(0, query.schema()))));
        assertThat(graph.root().partitions()).isEqualTo(1);
    }

    @Test
    void sortPartitionedSamplesThenRangePartitionsThenSortsEachPartition() throws IOException {
        Sort query = new Sort(TestPlans.keyValues(8, 10, 3), List.of(new SortKey(column("k", DataType.INT64), true,
                true), new SortKey(column("v", DataType.INT64), false, false)), false, -1);
        StageGraph graph = plan(query, TestOptions.defaults().withSortPartitioned(true));

        List<RangeKey> keys = List.of(new RangeKey("k", true, true), new RangeKey("v", false, false));
        assertThat(graph.stages()).extracting(Stage::output).containsExactly(new Exchange.Forward(keys),
                new Exchange.Range(keys, 4, null), new Exchange.Result());
        assertThat(graph.stage(0).partitions()).isEqualTo(4);
        assertThat(graph.stage(1).fragment()).isEqualTo(ShuffleInputs.placeholder(0, query.schema()));
        assertThat(graph.root().partitions()).isEqualTo(4);
        assertThat(graph.root().fragment()).isEqualTo(query.withInputs(List.of(ShuffleInputs.placeholder(1,
                query.schema()))));
        Golden.check("sort-range.txt", StageGraphText.text(graph));
    }

    @Test
    void withoutSortPartitionedOrWithComputedKeysTheRowsAreGathered() {
        Sort byColumn = new Sort(TestPlans.keyValues(8, 10, 3), List.of(new SortKey(column("k", DataType.INT64),
                false, false)), false, -1);
        assertThat(plan(byColumn, TestOptions.defaults()).stage(0).output()).isEqualTo(new Exchange.Gather());

        Sort byExpression = new Sort(TestPlans.keyValues(8, 10, 3), List.of(new SortKey(
                new dev.floe.plan.expr.LogicalExpr.Binary(dev.floe.plan.function.BinaryOperator.ADD,
                        column("k", DataType.INT64), column("v", DataType.INT64), DataType.INT64), false, false)),
                false, -1);
        assertThat(plan(byExpression, TestOptions.defaults().withSortPartitioned(true)).stage(0).output())
                .isEqualTo(new Exchange.Gather());
    }

    @Test
    void unionInputsAreSpreadRoundRobin() {
        Union query = new Union(List.of(TestPlans.keyValues(2, 10, 3), TestPlans.keyValues(3, 10, 3)));
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stages()).hasSize(3);
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.RoundRobin(4));
        assertThat(graph.root().inputStages()).containsExactly(0, 1);
        assertThat(graph.root().partitions()).isEqualTo(4);
    }

    @Test
    void scansAreSplitByTaskBalancedByBytes() {
        List<ScanTask> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(new ScanTask("data/part-" + i + ".parquet", 0, 1, 100, MB * (i + 1), Map.of()));
        }
        Scan scan = Scan.of(new ScanSource(FileFormat.PARQUET, List.of("data"), Map.of()), TestPlans.KEY_VALUE);
        StageGraph graph = new DistributedPlanner(TestOptions.defaults(), 2, s -> tasks).plan(
                sumAndMeanByKey(scan));

        Stage leaf = graph.stage(0);
        assertThat(leaf.partitions()).isEqualTo(4);
        List<ScanTask> all = new ArrayList<>();
        long[] bytes = new long[4];
        for (int p = 0; p < 4; p++) {
            List<ScanTask> share = ((PartitionSplit.ScanSplit) leaf.splits().get(p)).tasks();
            all.addAll(share);
            bytes[p] = share.stream().mapToLong(ScanTask::estimatedBytes).sum();
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(tasks);
        for (long b : bytes) {
            assertThat(b).isBetween(4 * MB, 7 * MB);
        }
    }

    @Test
    void dotRenderingHasAnEdgePerShuffle() {
        StageGraph graph = plan(joinNames(5), TestOptions.defaults().withEquiJoinBroadcastLimit(10));
        String dot = StageGraphText.dot(graph);

        assertThat(dot).startsWith("digraph stages {").contains("stage0 -> stage2 [label=\"hash(k; 4)\"]")
                .contains("stage1 -> stage2");
    }

    @Test
    void distinctHashesOnItsSubsetUnlessItMustKeepTheFirstRow() {
        InMemory data = TestPlans.keyValues(8, 10, 3);
        StageGraph any = plan(new dev.floe.plan.logical.Distinct(data, List.of("k"),
                dev.floe.plan.logical.UniqueKeep.ANY, false), TestOptions.defaults());
        assertThat(any.stage(0).output()).isEqualTo(new Exchange.Hash(List.of("k"), 4));
        assertThat(any.root().partitions()).isEqualTo(4);

        StageGraph first = plan(new dev.floe.plan.logical.Distinct(data, null, dev.floe.plan.logical.UniqueKeep.FIRST,
                false), TestOptions.defaults());
        assertThat(first.stage(0).output()).isEqualTo(new Exchange.Gather());
        assertThat(first.root().partitions()).isEqualTo(1);
    }

    @Test
    void headKeepsAPrefixPerPartitionThenSlicesTheGatheredRows() {
        dev.floe.plan.logical.Slice head = new dev.floe.plan.logical.Slice(TestPlans.keyValues(8, 10, 3), 5, 10);
        StageGraph graph = plan(head, TestOptions.defaults());

        assertThat(graph.stage(0).fragment()).isEqualTo(new dev.floe.plan.logical.Slice(head.input(), 0, 15));
        assertThat(graph.stage(0).output()).isEqualTo(new Exchange.Gather());
        assertThat(graph.root().fragment()).isEqualTo(head.withInputs(List.of(ShuffleInputs.placeholder(0,
                head.schema()))));
    }

    @Test
    void singlePartitionInputsNeedNoExchange() {
        Aggregate query = sumAndMeanByKey(TestPlans.keyValues(1, 10, 3));
        StageGraph graph = plan(query, TestOptions.defaults());

        assertThat(graph.stages()).hasSize(1);
        assertThat(graph.root().fragment()).isEqualTo(query);
    }

    @Test
    void joinThenAggregateThenTopKStageGraph() throws IOException {
        Join join = joinNames(5);
        Aggregate byName = new Aggregate(join, List.of(NamedExpr.column("name", DataType.STRING)),
                List.of(aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
        Sort top = new Sort(byName, List.of(new SortKey(column("total", DataType.INT64), true, false)), false, 3);
        StageGraph graph = plan(top, TestOptions.defaults().withEquiJoinBroadcastLimit(10));

        // few groups: the partial aggregates are gathered and the final step runs with the top-k on one task
        assertThat(graph.stages()).extracting(stage -> StageGraphText.exchange(stage.output())).containsExactly(
                "hash(k; 4)", "hash(k; 4)", "gather", "result");
        Golden.check("join-aggregate-topk.txt", StageGraphText.text(graph));
        Golden.check("join-aggregate-topk.dot", StageGraphText.dot(graph));
    }
}
