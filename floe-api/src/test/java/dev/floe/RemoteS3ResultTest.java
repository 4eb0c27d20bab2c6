package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.ResultLocation;
import dev.floe.cluster.coordinator.Coordinator;
import dev.floe.cluster.coordinator.EngineQueryPlanner;
import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskMetrics;
import dev.floe.cluster.protocol.TaskReport;
import dev.floe.io.storage.ObjectStore;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.S3MockServer;
import dev.floe.io.storage.StoredObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster whose results go to an {@code s3://} prefix (s3mock): the workers write the result objects, the
 * client reads them with the same storage options, remote sinks write to S3, and the temporary results are
 * deleted when the context that started the cluster closes and by the coordinator's retention sweep.
 */
class RemoteS3ResultTest {
    @TempDir
    static Path directory;
    private static S3MockServer server;
    private static String bucket;
    private static String table;
    private static String results;
    private static ComputeContext context;

    @BeforeAll
    static void start() {
        server = S3MockServer.get();
        bucket = server.createBucket("floe-remote-results");
        table = "s3://" + bucket + "/facts";
        results = "s3://" + bucket + "/results";
        List<Long> ids = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (long i = 0; i < 2000; i++) {
            ids.add(i);
            groups.add("g" + (i % 5));
        }
        LazyFrame rows = DataFrame.builder().column("id", ids).column("group", groups).build().lazy();
        for (int part = 0; part < 3; part++) {
            rows.filter(col("id").mod(3).eq(part)).sinkParquet(table + "/part-" + part + ".parquet", server.options());
        }
        context = ComputeContext.builder().cpus(1).memory(0.375).clusterSize(2).workDirectory(directory)
                .resultLocation(results + "/", server.options()).build();
    }

    @AfterAll
    static void stop() {
        if (context == null) {
            return;
        }
        assertThat(list(results + "/")).isNotEmpty();
        context.close();
        assertThat(list(results + "/")).as("results left after the context closed").isEmpty();
    }

    private static List<String> list(String prefix) {
        return ObjectStores.forLocation(prefix, server.options()).list(prefix).stream().map(StoredObject::location)
                .toList();
    }

    private static ScanOptions scanOptions() {
        ScanOptions options = ScanOptions.defaults();
        for (Map.Entry<String, String> option : server.options().entrySet()) {
            options = options.with(option.getKey(), option.getValue());
        }
        return options;
    }

    private static LazyFrame totals() {
        return Floe.scanParquet(table + "/*.parquet", scanOptions()).groupBy("group")
                .agg(col("id").sum().alias("total"), col("id").count().alias("rows")).sort("group");
    }

    @Test
    void theLastStageWritesResultObjectsThatTheClientScans() {
        QueryResult result = totals().remote(context).execute();
        DataFrame expected = totals().collect();
        assertThat(result.head()).isEqualTo(expected);
        assertThat(result.resultLocations()).isNotEmpty()
                .allSatisfy(location -> assertThat(location).startsWith(results + "/query-").endsWith(".parquet"));
        assertThat(list(results + "/")).containsAll(result.resultLocations());
        assertThat(result.lazy().collect()).isEqualTo(expected);
        assertThat(result.toString()).doesNotContain(server.options().get("aws_secret_access_key"));

        LazyFrame remote = Floe.scanParquet(table + "/*.parquet", scanOptions()).filter(col("id").lt(100))
                .remote(context).collect();
        assertThat(remote.select(col("id").sum()).collect().get(0, "id")).isEqualTo(99L * 100 / 2);
        assertThat(Floe.scanParquet(table + "/*.parquet", scanOptions()).filter(col("id").ge(1900))
                .remote(context).singleNode().collectFrame().height()).isEqualTo(100);
    }

    @Test
    void aRemoteSinkWritesToS3AndItsResultScansBack() {
        String target = "s3://" + bucket + "/sunk/totals.parquet";
        Map<String, String> sinkOptions = new HashMap<>(server.options());
        sinkOptions.put("compression", "zstd");
        QueryResult result = totals().remote(context).distributed().sinkParquet(target, sinkOptions);
        assertThat(result.resultLocations()).containsExactly(target);
        assertThat(Floe.scanParquet(target, scanOptions()).collect()).isEqualTo(totals().collect());
        assertThat(result.lazy().collect()).isEqualTo(totals().collect());
        assertThat(totals().sinkPlan(dev.floe.io.FileFormat.PARQUET, target, sinkOptions).explain())
                .contains(target).doesNotContain(server.options().get("aws_secret_access_key"));
    }

    @Test
    @Timeout(60)
    void theRetentionSweepDeletesExpiredResultsOnS3() throws IOException, InterruptedException {
        String location = results + "/sweep-test";
        ObjectStore store = ObjectStores.forLocation(location, server.options());
        try (OutputStream out = store.create(location + "/part-0-attempt-0.parquet")) {
            out.write(new byte[] {1, 2, 3});
        }
        try (Coordinator coordinator = new Coordinator(new Coordinator.Config("127.0.0.1", 0,
                directory.resolve("coordinator-results"), 60_000, 100, 500), new EngineQueryPlanner())) {
            var scheduler = coordinator.scheduler();
            long worker = scheduler.register("127.0.0.1:1", 1);
            long query = scheduler.submit(List.of(new JobStage(0, 1, List.of(), new Exchange.Result(), "test",
                    List.of(new byte[0]))), 0, "lz4", "", new ResultLocation(location, server.options()), List.of());
            List<TaskAssignment> tasks = scheduler.poll(worker, 1, List.of()).tasks();
            assertThat(tasks).singleElement().satisfies(task -> {
                assertThat(task.resultDirectory()).isEqualTo(location);
                assertThat(task.resultOptions()).isEqualTo(server.options());
            });
            scheduler.poll(worker, 1, List.of(TaskReport.succeeded(tasks.getFirst().task(), TaskMetrics.NONE,
                    List.of(location + "/part-0-attempt-0.parquet"))));
            assertThat(scheduler.status(query).isFinal()).isTrue();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!list(location + "/").isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(list(location + "/")).as("expired results on S3").isEmpty();
        }
    }
}
