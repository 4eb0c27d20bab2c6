package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.testing.BatchRows;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.InMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The split aggregation, run in-process with the local executor over codec-round-tripped fragments. */
class AggregateSplitExecutionTest {
    private static final LocalExecutor EXECUTOR = new LocalExecutor(ExecutionOptions.defaults().withThreads(1));

    @Test
    void partialAggregatesShuffledThroughArrowIpcGiveTheSingleAggregationsAnswer() {
        InMemory data = TestPlans.keyValues(12, 200, 37);
        Aggregate query = new Aggregate(data, List.of(NamedExpr.column("k", DataType.INT64)), List.of(
                TestPlans.aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64),
                TestPlans.aggregate("smallest", new AggregateFunction.Min(), "v", DataType.INT64),
                TestPlans.aggregate("average", new AggregateFunction.Mean(), "v", DataType.FLOAT64),
                new NamedExpr("rows", new LogicalExpr.Aggregate(new AggregateFunction.Len(), null, DataType.UINT32))),
                false);
        StageGraph graph = new DistributedPlanner(TestOptions.defaults(), 3, scan -> List.of()).plan(query);
        Stage partial = graph.stage(0);
        java.util.List<Batch> shuffled = new java.util.ArrayList<>();
        for (int p = 0; p < partial.partitions(); p++) {
            shuffled.addAll(EXECUTOR.execute(roundTrip(FragmentBinder.bindSplit(partial, p))).batches());
        }
        java.nio.file.Path file;
        try {
            file = java.nio.file.Files.createTempFile("partials", ".arrow");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        dev.floe.io.ipc.IpcWriter.write(shuffled, partial.fragment().schema(), file, dev.floe.io.ipc.IpcCompression.LZ4);
        dev.floe.plan.logical.LogicalPlan finalStep = FragmentBinder.bindInputs(roundTrip(graph.root().fragment()),
                java.util.Map.of(0, ShuffleInputFiles.whole(List.of(file))));
        java.util.List<List<Object>> distributed = BatchRows.comparable(EXECUTOR.execute(finalStep).batches());
        java.util.List<List<Object>> local = BatchRows.comparable(EXECUTOR.execute(query).batches());
        assertThat(distributed).isEqualTo(local);
    }

    private static dev.floe.plan.logical.LogicalPlan roundTrip(dev.floe.plan.logical.LogicalPlan plan) {
        return dev.floe.plan.codec.PlanCodec.decode(dev.floe.plan.codec.PlanCodec.encode(plan));
    }
}
