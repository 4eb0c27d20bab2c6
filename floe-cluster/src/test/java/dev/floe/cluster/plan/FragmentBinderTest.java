package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.protocol.JobStage;
import dev.floe.core.types.DataType;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.ipc.IpcPartitions;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FragmentBinderTest {
    @Test
    void eachPartitionReadsItsOwnBatchesAndAllBatchesAreRead() {
        InMemory data = TestPlans.keyValues(7, 5, 3);
        LogicalPlan query = new Filter(data, new LogicalExpr.Binary(BinaryOperator.GREATER,
                new LogicalExpr.Column("v", DataType.INT64), new LogicalExpr.Literal(3L, DataType.INT64),
                DataType.BOOLEAN));
        StageGraph graph = new DistributedPlanner(TestOptions.defaults(), 2, scan -> List.of()).plan(query);
        Stage stage = graph.root();

        List<Object> seen = new ArrayList<>();
        for (int p = 0; p < stage.partitions(); p++) {
            LogicalPlan bound = FragmentBinder.bindSplit(stage, p);
            assertThat(bound).isInstanceOf(Filter.class);
            InMemory share = (InMemory) bound.inputs().getFirst();
            assertThat(share.batches()).isNotEmpty();
            seen.addAll(share.batches());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(data.batches());
    }

    @Test
    void aBigFileIsSplitByRowGroupsAndEachScanNamesOnlyItsFilesAndRanges() {
        long mb = 1024L * 1024;
        List<ScanTask> tasks = List.of(
                new ScanTask("a.parquet", 0, 1, 10, 5 * mb, Map.of()), new ScanTask("a.parquet", 1, 1, 10, 5 * mb,
                        Map.of()), new ScanTask("a.parquet", 2, 1, 10, 5 * mb, Map.of()),
                new ScanTask("b.parquet", 0, 1, 10, mb, Map.of()));
        Scan scan = Scan.of(new ScanSource(FileFormat.PARQUET, List.of("*.parquet"), Map.of()), TestPlans.KEY_VALUE);
        StageGraph graph = new DistributedPlanner(TestOptions.defaults(), 1, s -> tasks).plan(scan);
        Stage stage = graph.root();

        assertThat(stage.partitions()).isEqualTo(2);
        Scan first = (Scan) FragmentBinder.bindSplit(stage, 0);
        Scan second = (Scan) FragmentBinder.bindSplit(stage, 1);
        assertThat(first.source().paths()).containsExactly("a.parquet");
        assertThat(first.source().options()).containsEntry(ScanTaskSelection.OPTION, "0+1,1+1");
        assertThat(second.source().paths()).containsExactly("a.parquet", "b.parquet");
        assertThat(second.source().options()).containsEntry(ScanTaskSelection.OPTION, "2+1;0+1");
    }

    @Test
    void shuffleInputsBecomeScansOfTheFetchedFiles() {
        Join join = new Join(TestPlans.keyValues(4, 5, 3), TestPlans.names(3), JoinType.INNER,
                List.of(TestPlans.column("k", DataType.INT64)), List.of(TestPlans.column("k", DataType.INT64)), "_r");
        StageGraph graph = new DistributedPlanner(TestOptions.defaults().withEquiJoinBroadcastLimit(0), 2,
                scan -> List.of()).plan(join);
        LogicalPlan bound = FragmentBinder.bindInputs(graph.root().fragment(), Map.of(
                0, new ShuffleInputFiles(2, List.of(Path.of("/tmp/s0-m0.arrow"), Path.of("/tmp/s0-m1.arrow"))),
                1, ShuffleInputFiles.whole(List.of(Path.of("/tmp/s1-m0.arrow")))));

        Scan left = (Scan) bound.inputs().get(0);
        Scan right = (Scan) bound.inputs().get(1);
        assertThat(left.source().format()).isEqualTo(FileFormat.IPC);
        assertThat(left.source().paths()).containsExactly("/tmp/s0-m0.arrow", "/tmp/s0-m1.arrow");
        assertThat(ShuffleInputs.stageOf(left)).isEmpty();
        assertThat(left.source().options()).containsExactly(Map.entry(IpcPartitions.OPTION, "2"));
        assertThat(right.source().paths()).containsExactly("/tmp/s1-m0.arrow");
        assertThat(right.source().options()).as("files read whole").isEmpty();
        assertThat(bound.schema()).isEqualTo(join.schema());
    }

    @Test
    void engineJobsCarryOnePayloadPerPartitionOfASplitStage() {
        StageGraph graph = new DistributedPlanner(TestOptions.defaults(), 2, scan -> List.of()).plan(
                new Join(TestPlans.keyValues(8, 5, 3), TestPlans.names(3), JoinType.INNER,
                        List.of(TestPlans.column("k", DataType.INT64)), List.of(TestPlans.column("k", DataType.INT64)),
                        "_r"));
        List<JobStage> jobs = StageJobs.of(graph, plan -> plan.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(jobs).hasSize(2);
        assertThat(jobs.get(0).payloads()).hasSize(1);
        assertThat(jobs.get(1).payloads()).hasSize(4);
        assertThat(jobs).allSatisfy(job -> assertThat(job.runner()).isEqualTo(StageJobs.ENGINE_RUNNER));
        assertThat(JobStage.validateJob(jobs)).hasSize(2);
    }
}
