package dev.floe.cluster.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.QueryHandle;
import dev.floe.cluster.QueryResult;
import dev.floe.cluster.plan.TestPlans;
import dev.floe.cluster.testing.BatchRows;
import dev.floe.core.types.DataType;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logical plans run distributed on 3 worker JVMs give the local executor's answer. */
class EngineClusterTest {
    @TempDir
    static Path directory;
    private static ClusterClient client;

    @BeforeAll
    static void start() {
        client = SharedTestCluster.client();
    }

    private static void assertSameAsLocal(LogicalPlan plan, DistributedOptions options) {
        List<List<Object>> local = BatchRows.comparable(
                new LocalExecutor(ExecutionOptions.defaults().withThreads(1)).execute(plan).batches());
        QueryHandle query = client.submit(plan, options);
        QueryResult result = query.awaitResult(Duration.ofMinutes(2));
        assertThat(BatchRows.comparable(result.batches())).isEqualTo(local);
        assertThat(result.totalRows()).isEqualTo(local.size());
    }

    @Test
    void groupByWithPartialAndFinalAggregation() {
        Aggregate plan = new Aggregate(TestPlans.keyValues(12, 200, 37), List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(TestPlans.aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64),
                        TestPlans.aggregate("smallest", new AggregateFunction.Min(), "v", DataType.INT64),
                        TestPlans.aggregate("average", new AggregateFunction.Mean(), "v", DataType.FLOAT64),
                        new NamedExpr("rows", new LogicalExpr.Aggregate(new AggregateFunction.Len(), null,
                                DataType.UINT32))), false);
        assertSameAsLocal(plan, DistributedOptions.defaults());
        assertSameAsLocal(plan, DistributedOptions.defaults().withPreAggregation(false));

        QueryHandle query = client.submit(plan, DistributedOptions.defaults());
        query.awaitResult(Duration.ofMinutes(2));
        List<dev.floe.cluster.protocol.ProfileEntry> profile = query.profile().entries();
        assertThat(profile.stream().filter(e -> e.stageId() == 0).mapToLong(e -> e.metrics().rowsIn()).sum())
                .isEqualTo(12 * 200);
        long partialRows = profile.stream().filter(e -> e.stageId() == 0).mapToLong(e -> e.metrics().rowsOut()).sum();
        assertThat(profile.stream().filter(e -> e.stageId() == 1).mapToLong(e -> e.metrics().rowsIn()).sum())
                .isEqualTo(partialRows);
    }

    @Test
    void broadcastAndPartitionedJoins() {
        Join plan = new Join(TestPlans.keyValues(9, 100, 20), TestPlans.names(15), JoinType.INNER,
                List.of(TestPlans.column("k", DataType.INT64)), List.of(TestPlans.column("k", DataType.INT64)), "_r");
        assertSameAsLocal(plan, DistributedOptions.defaults());
        assertSameAsLocal(plan, DistributedOptions.defaults().withEquiJoinBroadcastLimit(0));
    }

    @Test
    void fourPlansAtOnceEachGetTheLocalAnswer() {
        List<LogicalPlan> plans = new ArrayList<>();
        List<QueryHandle> handles = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LogicalPlan plan = new Aggregate(TestPlans.keyValues(6 + i, 100, 5 + i),
                    List.of(NamedExpr.column("k", DataType.INT64)),
                    List.of(TestPlans.aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
            plans.add(plan);
            handles.add(client.submit(plan, DistributedOptions.defaults()));
        }
        for (int i = 0; i < 4; i++) {
            List<List<Object>> local = BatchRows.comparable(
                    new LocalExecutor(ExecutionOptions.defaults().withThreads(1)).execute(plans.get(i)).batches());
            assertThat(BatchRows.comparable(handles.get(i).awaitResult(Duration.ofMinutes(2)).batches()))
                    .isEqualTo(local);
        }
    }

    @Test
    void aMissingFileIsAClearErrorAtSubmitAndTheClusterStaysHealthy() {
        dev.floe.plan.logical.Scan scan = dev.floe.plan.logical.Scan.of(new dev.floe.io.ScanSource(
                dev.floe.io.FileFormat.PARQUET, List.of(directory.resolve("missing.parquet").toString()),
                java.util.Map.of()), TestPlans.KEY_VALUE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.submit(scan, DistributedOptions.defaults()))
                .isInstanceOfSatisfying(dev.floe.core.FloeException.class, e -> assertThat(e.code())
                        .isEqualTo(dev.floe.core.ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("missing.parquet");
        assertSameAsLocal(TestPlans.keyValues(3, 10, 2), DistributedOptions.defaults());
    }

    @Test
    void parquetFilesAreSplitAcrossPartitionsAndJoinedWithABroadcastSide() {
        Path data = directory.resolve("facts");
        dev.floe.plan.logical.InMemory rows = TestPlans.keyValues(5, 300, 11);
        try {
            java.nio.file.Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < rows.batches().size(); i++) {
            dev.floe.io.parquet.write.ParquetWriter.write(data.resolve("part-" + i + ".parquet"), rows.schema(),
                    List.of(rows.batches().get(i)), dev.floe.io.parquet.write.ParquetWriteOptions.defaults());
        }
        dev.floe.plan.logical.Scan scan = dev.floe.plan.logical.Scan.of(new dev.floe.io.ScanSource(
                dev.floe.io.FileFormat.PARQUET, List.of(data.toString()), java.util.Map.of()), rows.schema());
        Join joined = new Join(scan, TestPlans.names(7), JoinType.INNER, List.of(TestPlans.column("k", DataType.INT64)),
                List.of(TestPlans.column("k", DataType.INT64)), "_r");
        Aggregate plan = new Aggregate(joined, List.of(NamedExpr.column("name", DataType.STRING)),
                List.of(TestPlans.aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);

        QueryHandle query = client.submit(plan, DistributedOptions.defaults());
        assertThat(query.info().explain()).contains("Stage 0: 1 partition, output broadcast")
                .contains("5 partitions").contains("1 scan tasks");
        assertSameAsLocal(plan, DistributedOptions.defaults());
        query.awaitResult(Duration.ofMinutes(2));
        assertThat(query.profile().entries().stream().filter(e -> e.stageId() == 1)
                .mapToLong(e -> e.metrics().rowsIn()).sum()).isEqualTo(5 * 300 + 5 * 7);
    }
}
