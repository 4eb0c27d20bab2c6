package dev.floe.cluster.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.LocalCluster;
import dev.floe.cluster.QueryHandle;
import dev.floe.cluster.QueryResult;
import dev.floe.cluster.QueryStatus;
import dev.floe.cluster.WorkerMain;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.cluster.testing.JavaProcesses;
import dev.floe.cluster.testing.SumByKeyRunner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Worker processes that die mid-query, and workers pointed at a coordinator that is not there or misconfigured. */
class WorkerFailureTest {
    @TempDir
    Path directory;

    /** With same-host reads off the readers fetch the shuffle over Flight, so the lost output is a dead peer. */
    @ParameterizedTest(name = "same-host reads {0}")
    @ValueSource(booleans = {true, false})
    void killingAWorkerDuringTheShuffleStageStillGivesTheRightAnswer(boolean sameHostReads) throws Exception {
        try (LocalCluster cluster = LocalCluster.start(3, 2, 256, directory.resolve("cluster"), 1500, 60,
                sameHostReads);
                ClusterClient client = cluster.client()) {
            assertThat(cluster.workerProcesses().getFirst().info().commandLine().orElseThrow())
                    .as("the worker JVM's command").contains("-XX:+UseParallelGC");
            QueryHandle query = client.submitStages(SumByKeyRunner.job(12, 2000, 23, 3, 700),
                    DistributedOptions.defaults().withNRetries(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (mapTasksDone(query) < 4) {
                assertThat(System.nanoTime()).as("map tasks never finished").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(query.status()).isEqualTo(QueryStatus.RUNNING);
            String holder = query.profile().entries().stream().filter(e -> e.stageId() == 0).findFirst()
                    .orElseThrow().worker();
            Process victim = cluster.workerProcesses().get(cluster.workerAddresses().indexOf(holder));
            victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            QueryResult result = query.awaitResult(Duration.ofMinutes(2));
            assertThat(SumByKeyRunner.collect(result.batches())).isEqualTo(SumByKeyRunner.expected(12, 2000, 23));
            assertThat(client.workers()).hasSize(2);
            assertThat(mapTasksDone(query)).as("lost map output was recomputed").isGreaterThan(12);
            long fetched = query.profile().entries().stream().mapToLong(e -> e.metrics().shuffleBytesFetched()).sum();
            if (sameHostReads) {
                assertThat(fetched).as("bytes fetched over Flight").isZero();
            } else {
                assertThat(fetched).as("bytes fetched over Flight").isPositive();
            }

            QueryResult next = client.submitStages(SumByKeyRunner.job(4, 100, 3, 2, 0), DistributedOptions.defaults())
                    .awaitResult(Duration.ofMinutes(1));
            assertThat(SumByKeyRunner.collect(next.batches())).isEqualTo(SumByKeyRunner.expected(4, 100, 3));
        }
    }

    private static int mapTasksDone(QueryHandle query) {
        return query.profile().entries().stream().filter(e -> e.stageId() == 0).mapToInt(ProfileEntry::tasks).sum();
    }

    @Test
    void aWorkerGivenAWrongCoordinatorAddressExitsWithAClearError() throws Exception {
        int unusedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            unusedPort = socket.getLocalPort();
        }
        Process worker = startWorker(List.of("--coordinator", "127.0.0.1:" + unusedPort, "--cpus", "1",
                "--registration-attempts", "3", "--work-dir", directory.resolve("w").toString()));
        try {
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).as("the worker gives up in bounded time").isTrue();
            assertThat(worker.exitValue()).isEqualTo(2);
            assertThat(Files.readString(directory.resolve("worker.err")))
                    .contains("cannot register with the coordinator at 127.0.0.1:" + unusedPort + " after 3 attempts");
        } finally {
            worker.destroyForcibly();
        }

        Process malformed = startWorker(List.of("--coordinator", "nonsense", "--cpus", "1"));
        try {
            assertThat(malformed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(malformed.exitValue()).isEqualTo(2);
            assertThat(Files.readString(directory.resolve("worker.err"))).contains("'nonsense' is not HOST:PORT");
        } finally {
            malformed.destroyForcibly();
        }

        Process badFlag = startWorker(List.of("--coordinator", "127.0.0.1:" + unusedPort, "--cpus", "1",
                "--same-host-reads", "no"));
        try {
            assertThat(badFlag.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(badFlag.exitValue()).isEqualTo(2);
            assertThat(Files.readString(directory.resolve("worker.err")))
                    .contains("--same-host-reads must be true or false, got 'no'");
        } finally {
            badFlag.destroyForcibly();
        }
    }

    private Process startWorker(List<String> arguments) throws IOException {
        return JavaProcesses.start(WorkerMain.class, arguments, directory.resolve("worker.out"),
                directory.resolve("worker.err"));
    }
}
