package dev.floe.cluster.plan;

import static dev.floe.cluster.plan.TestPlans.aggregate;
import static dev.floe.cluster.plan.TestPlans.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.testing.BatchRows;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Union;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Union branches reading the same split of one source run in one stage that binds the split once (like q07). */
class CoPartitionedUnionTest {
    @TempDir
    Path directory;

    /** Four Parquet files of two row groups each under {@code name}, with k = row mod 7 and v = row. */
    private Scan table(String name) throws IOException {
        Path folder = Files.createDirectories(directory.resolve(name));
        InMemory data = TestPlans.keyValues(8, 40, 7);
        for (int file = 0; file < 4; file++) {
            List<Batch> batches = data.batches().subList(2 * file, 2 * file + 2);
            ParquetWriter.write(folder.resolve("part-" + file + ".parquet"), TestPlans.KEY_VALUE, batches,
                    ParquetWriteOptions.defaults().withRowGroupSize(40));
        }
        return Scan.of(new ScanSource(FileFormat.PARQUET, List.of(folder + "/*.parquet"), Map.of()),
                TestPlans.KEY_VALUE);
    }

    private static Filter compared(LogicalPlan input, BinaryOperator operator, long value) {
        return new Filter(input, new LogicalExpr.Binary(operator, column("v", DataType.INT64),
                new LogicalExpr.Literal(value, DataType.INT64), DataType.BOOLEAN));
    }

    private static Aggregate totalsByKey(LogicalPlan input) {
        return new Aggregate(input, List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(aggregate("v", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
    }

    private static StageGraph plan(LogicalPlan query) {
        return new DistributedPlanner(TestOptions.defaults(), 2, ScanSplitter.fromTableSources()).plan(query);
    }

    private void assertSameRowsAsLocal(StageGraph graph, LogicalPlan query) {
        List<List<Object>> distributed = BatchRows.comparable(new InProcessStages(directory).run(graph));
        List<List<Object>> local = BatchRows.comparable(
                new LocalExecutor(ExecutionOptions.defaults().withThreads(1)).execute(query).batches());
        assertThat(distributed).isEqualTo(local).isNotEmpty();
    }

    private static List<Stage> splitStages(StageGraph graph) {
        return graph.stages().stream().filter(stage -> !stage.splits().isEmpty()).toList();
    }

    @Test
    void anAggregationOverBranchesOfOneCachedScanRunsItsPartialStepsInOneStage() throws IOException {
        Cache shared = new Cache(table("t"), 0);
        LogicalPlan query = totalsByKey(new Union(List.of(compared(shared, BinaryOperator.GREATER, 100),
                compared(shared, BinaryOperator.LESS, 250))));
        StageGraph graph = plan(query);

        assertThat(graph.stages()).hasSize(2);
        Stage partials = splitStages(graph).getFirst();
        assertThat(partials.fragment()).isInstanceOf(Union.class);
        assertThat(partials.fragment().inputs()).hasSize(2).allMatch(Aggregate.class::isInstance);
        assertThat(SharedCachesTest.text(partials.fragment())).contains("Cache 0");
        LogicalPlan bound = FragmentBinder.bindSplit(partials, 0);
        assertThat(caches(bound)).hasSize(2).allMatch(cache -> cache == caches(bound).getFirst());
        assertThat(graph.root().inputStages()).containsExactly(partials.id());
        assertSameRowsAsLocal(graph, query);
    }

    @Test
    void aPlainUnionOfCoPartitionedBranchesStaysInItsStage() throws IOException {
        Cache shared = new Cache(table("t"), 0);
        LogicalPlan query = new Union(List.of(compared(shared, BinaryOperator.GREATER, 100),
                compared(shared, BinaryOperator.LESS, 250)));
        StageGraph graph = plan(query);

        assertThat(graph.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.fragment()).isInstanceOf(Union.class);
            assertThat(stage.splits()).hasSize(stage.partitions());
        });
        assertSameRowsAsLocal(graph, query);
    }

    @Test
    void twoScansOfOneSourceWithTheSameSplitsAreBothBoundToTheSplit() throws IOException {
        Scan scan = table("t");
        LogicalPlan query = totalsByKey(new Union(List.of(compared(scan, BinaryOperator.GREATER, 100),
                compared(scan, BinaryOperator.LESS, 250))));
        StageGraph graph = plan(query);

        Stage partials = splitStages(graph).getFirst();
        assertThat(splitStages(graph)).hasSize(1);
        for (int partition = 0; partition < partials.partitions(); partition++) {
            List<Scan> scans = scans(FragmentBinder.bindSplit(partials, partition));
            assertThat(scans).hasSize(2);
            assertThat(scans.get(1).source()).isEqualTo(scans.get(0).source());
        }
        assertSameRowsAsLocal(graph, query);
    }

    @Test
    void branchesOfDifferentSourcesKeepTheirOwnStages() throws IOException {
        LogicalPlan query = totalsByKey(new Union(List.of(compared(table("a"), BinaryOperator.GREATER, 100),
                compared(table("b"), BinaryOperator.LESS, 250))));
        StageGraph graph = plan(query);

        assertThat(splitStages(graph)).hasSize(2);
        assertSameRowsAsLocal(graph, query);
        LogicalPlan union = new Union(List.of(table("a"), table("b")));
        assertThat(plan(union).stages()).filteredOn(stage -> stage.output() instanceof Exchange.RoundRobin)
                .hasSize(2);
    }

    @Test
    void aFragmentWithTwoDifferentSplitSourcesCannotBeBound() throws IOException {
        Scan first = table("a");
        Scan second = table("b");
        Stage stage = new Stage(0, new Union(List.of(first, second)), 1, new Exchange.Result(), List.of(),
                List.of(new PartitionSplit.ScanSplit(ScanSplitter.fromTableSources().tasks(first))));
        assertThatThrownBy(() -> FragmentBinder.bindSplit(stage, 0)).isInstanceOf(FloeException.class)
                .hasMessageContaining("2 split sources");
    }

    private static List<Cache> caches(LogicalPlan plan) {
        List<Cache> own = plan instanceof Cache cache ? List.of(cache) : List.of();
        return java.util.stream.Stream.concat(own.stream(),
                plan.inputs().stream().flatMap(input -> caches(input).stream())).toList();
    }

    private static List<Scan> scans(LogicalPlan plan) {
        List<Scan> own = plan instanceof Scan scan ? List.of(scan) : List.of();
        return java.util.stream.Stream.concat(own.stream(),
                plan.inputs().stream().flatMap(input -> scans(input).stream())).toList();
    }
}
