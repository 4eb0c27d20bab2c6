package dev.floe.cluster.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.QueryResult;
import dev.floe.cluster.coordinator.Coordinator;
import dev.floe.cluster.coordinator.EngineQueryPlanner;
import dev.floe.cluster.testing.SumByKeyRunner;
import dev.floe.cluster.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's report of a finished task asks for the task that takes its slot over, so with more tasks waiting the
 * next one comes back in the same call (a coordinator and a one-slot worker in this JVM, over real HTTP and Flight).
 */
class ReportHandOverTest {
    @Test
    void aFinishedTasksReportBringsTheNextTaskOfItsSlot(@TempDir Path directory) throws Exception {
        try (Coordinator coordinator = new Coordinator(new Coordinator.Config("127.0.0.1", 0,
                directory.resolve("results"), 5000, 100, 60_000), new EngineQueryPlanner());
                ClusterClient client = new ClusterClient("127.0.0.1:" + coordinator.port())) {
            Worker worker = new Worker(new Worker.Config("127.0.0.1:" + coordinator.port(), "127.0.0.1", 0, 1,
                    directory.resolve("worker"), 5, 10_000, true));
            Thread polling = null;
            try {
                worker.register();
                polling = Thread.ofPlatform().daemon().name("worker-poll").start(worker::run);
                // 6 map tasks, then 2 reduce tasks, on one slot: every task after the first follows a report.
                QueryResult result = client.submitStages(SumByKeyRunner.job(6, 200, 7, 2, 0),
                        DistributedOptions.defaults()).awaitResult(Duration.ofMinutes(1));
                assertThat(SumByKeyRunner.collect(result.batches())).isEqualTo(SumByKeyRunner.expected(6, 200, 7));
                assertThat(coordinator.scheduler().tasksHandedWithReports()).isGreaterThanOrEqualTo(6);
            } finally {
                worker.close();
                if (polling != null) {
                    polling.join(10_000);
                }
            }
        }
    }
}
