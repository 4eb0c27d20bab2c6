package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.QueryStatus;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remote queries on one local cluster of 2 worker JVMs: results, sinks, errors, and the cluster after errors. */
class RemoteQueryTest {
    @TempDir
    static Path directory;
    private static ComputeContext context;
    private static String table;

    @BeforeAll
    static void start() throws java.io.IOException {
        List<Long> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<Double> amounts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add((long) i);
            groups.add("g" + (i % 7));
            amounts.add(i * 0.5);
        }
        Path facts = Files.createDirectories(directory.resolve("facts"));
        table = facts.toString();
        LazyFrame rows = DataFrame.builder().column("id", ids).column("group", groups).column("amount", amounts)
                .build().lazy();
        for (int part = 0; part < 4; part++) {
            rows.filter(col("id").ge(part * 250).and(col("id").lt(part * 250 + 250)))
                    .sinkParquet(facts.resolve("part-" + part + ".parquet").toString());
        }
        context = ComputeContext.builder().cpus(1).memory(0.375).clusterSize(2)
                .workDirectory(directory.resolve("work")).build();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static LazyFrame totals() {
        return Floe.scanParquet(table).groupBy("group").agg(col("amount").sum().alias("total"),
                col("id").count().alias("rows")).sort("group");
    }

    @Test
    void executeReturnsHeadRowsCountsAndResultFiles() {
        QueryResult result = totals().remote(context).execute();
        DataFrame local = totals().collect();
        assertThat(result.totalRows()).isEqualTo(7);
        assertThat(result.head()).isEqualTo(local);
        assertThat(result.finishedStages()).isEqualTo(result.totalStages()).isGreaterThan(1);
        assertThat(result.failedStages()).isZero();
        assertThat(result.resultLocations()).isNotEmpty().allSatisfy(file -> assertThat(Path.of(file)).exists());
        // few groups under a sort: partial aggregates per scan task, the final one on the gathering task
        assertThat(result.stageGraph()).contains("Stage 0").contains("output gather")
                .contains("Aggregate keys=[group] aggregates=[__partial_0=sum(amount)");
        assertThat(result.lazy().filter(col("rows").gt(142)).collect().height())
                .isEqualTo(local.lazy().filter(col("rows").gt(142)).collect().height());
    }

    @Test
    void collectGivesALazyFrameOverTheResultAndCollectFrameAllRows() {
        LazyFrame remote = Floe.scanParquet(table).filter(col("id").lt(300)).remote(context).collect();
        assertThat(remote.select(col("id").sum()).collect().get(0, "id")).isEqualTo(299L * 300 / 2);
        DataFrame all = Floe.scanParquet(table).filter(col("id").ge(900)).remote(context).collectFrame();
        assertThat(all.height()).isEqualTo(100);
        assertThat(totals().remote(context).singleNode().collectFrame()).isEqualTo(totals().collect());
    }

    @Test
    void showPrintsTheFirstRows() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            totals().remote(context).distributed().show(3);
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("g0").contains("g2").doesNotContain("g3").contains("total");
    }

    @Test
    void sinkParquetWritesTheRowsWhereAsked() {
        Path out = directory.resolve("sunk.parquet");
        QueryResult result = totals().remote(context).sinkParquet(out.toString());
        assertThat(result.resultLocations()).containsExactly(out.toString());
        assertThat(Floe.scanParquet(out.toString()).collect()).isEqualTo(totals().collect());
        assertThat(result.lazy().collect().height()).isEqualTo(7);
    }

    @Test
    void anUnknownColumnComesBackAsTheResolverErrorAndTheNextQueryWorks() {
        LazyFrame bad = Floe.scanParquet(table).select(col("no_such_column"));
        FloeException local = org.junit.jupiter.api.Assertions.assertThrows(FloeException.class, bad::collect);
        assertThatThrownBy(() -> bad.remote(context).execute())
                .isInstanceOfSatisfying(FloeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND).isEqualTo(local.code());
                    assertThat(e.getMessage()).isEqualTo(local.getMessage()).contains("no_such_column");
                });
        assertThat(totals().remote(context).execute().totalRows()).isEqualTo(7);
    }

    @Test
    void aMissingFileIsAClearErrorAndTheNextQueryWorks() {
        String missing = directory.resolve("missing.parquet").toString();
        assertThatThrownBy(() -> Floe.scanParquet(missing).remote(context).execute())
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("missing.parquet");
        assertThat(totals().remote(context).execute().totalRows()).isEqualTo(7);
    }

    @Test
    void inMemorySourcesTravelInline() {
        DataFrame small = DataFrame.builder().column("k", List.of(1L, 2L, 2L)).column("v", List.of(10L, 20L, 30L))
                .build();
        LazyFrame query = small.lazy().groupBy("k").agg(col("v").sum()).sort("k");
        assertThat(query.remote(context).collectFrame()).isEqualTo(query.collect());
    }

    @Test
    void bytesThatAreNotAPlanAreRefusedAndTheNextQueryWorks() {
        dev.floe.cluster.ClusterClient client = context.client();
        assertThatThrownBy(() -> client.submitDsl(new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
                dev.floe.cluster.DistributedOptions.defaults()))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_PLAN));
        assertThat(totals().remote(context).execute().totalRows()).isEqualTo(7);
    }

    @Test
    void inMemorySourcesOverTheInlineLimitAreRefusedWithTheLimitNamed() {
        DataFrame small = DataFrame.builder().column("k", List.of(1L, 2L)).build();
        dev.floe.plan.dsl.DslPlan plan = small.lazy().select("k").plan();
        int size = dev.floe.plan.codec.DslCodec.encode(plan).length;
        assertThatThrownBy(() -> InlineSources.check(plan, size, size - 1))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("INLINE_SOURCE_LIMIT_BYTES").hasMessageContaining("sinkParquet");
        InlineSources.check(plan, size, size);
        InlineSources.check(Floe.scanParquet(table).plan(), Long.MAX_VALUE, 1);
        assertThat(RemoteQuery.INLINE_SOURCE_LIMIT_BYTES).isEqualTo(64L << 20);
    }

    @Test
    void submitGivesAHandleWithStatusAndProfile() {
        QueryHandle handle = totals().remote(context).submit();
        QueryResult result = handle.awaitResult();
        assertThat(handle.status()).isEqualTo(QueryStatus.SUCCESS);
        assertThat(result.totalRows()).isEqualTo(7);
        assertThat(handle.profile().entries()).isNotEmpty();
        assertThat(handle.profileFrame().columns()).contains("stage", "worker", "rows_in", "rows_out");
        assertThat(handle.profileFrame().column("rows_out").toList()).isNotEmpty();
        assertThat(sum(handle.profileFrame(), "shuffle_bytes_read")).as("shuffle read in place").isPositive();
        assertThat(sum(handle.profileFrame(), "shuffle_bytes_fetched")).as("bytes fetched over Flight").isZero();
    }

    private static long sum(DataFrame frame, String column) {
        return frame.column(column).toList().stream().mapToLong(value -> (Long) value).sum();
    }

    @Test
    void withSameHostReadsOffTheWorkersShuffleOverFlight() {
        try (ComputeContext separate = ComputeContext.builder().cpus(1).memory(0.25).clusterSize(2)
                .workDirectory(directory.resolve("flight")).sameHostReads(false).build()) {
            assertThat(separate.sameHostReads()).isFalse();
            assertThat(separate.toString()).contains("same-host reads off");
            QueryHandle handle = totals().remote(separate).submit();
            assertThat(handle.awaitResult().head()).isEqualTo(totals().collect());
            DataFrame profile = handle.profileFrame();
            assertThat(sum(profile, "shuffle_bytes_fetched")).as("bytes fetched over Flight").isPositive()
                    .isLessThanOrEqualTo(sum(profile, "shuffle_bytes_read"));
        }
    }

    @Test
    void explainPrintsTheStageGraphAsTextAndDot() {
        RemoteQuery query = totals().remote(context);
        assertThat(query.explain()).startsWith("Stage 0: ").contains("output gather").contains("output result");
        assertThat(query.explainDot()).startsWith("digraph stages {").contains("stage0 -> stage1");
    }

    @Test
    void jobModeStartsAClusterForOneQueryAndRemovesItsResults() throws Exception {
        Path work = directory.resolve("job");
        try (ComputeContext job = ComputeContext.builder().cpus(1).memory(0.25).clusterSize(1).workDirectory(work)
                .jobMode(true).build()) {
            QueryResult result = totals().remote(job).execute();
            assertThat(result.head()).isEqualTo(totals().collect());
            assertThat(result.resultLocations()).isNotEmpty().allSatisfy(file -> assertThat(Path.of(file))
                    .doesNotExist());
            try (var left = Files.list(work)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }
}
