package dev.floe.cluster.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.QueryHandle;
import dev.floe.cluster.QueryProfile;
import dev.floe.cluster.QueryResult;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.cluster.protocol.Rpc;
import dev.floe.cluster.protocol.WireInput;
import dev.floe.cluster.testing.SumByKeyRunner;
import dev.floe.cluster.worker.ShuffleFlightClient;
import dev.floe.cluster.worker.ShuffleTicket;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real coordinator and 3 worker JVMs on 127.0.0.1 running staged jobs with shuffles. */
class ClusterRuntimeTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    static Path directory;
    private static ClusterClient client;

    @BeforeAll
    static void start() {
        client = SharedTestCluster.client();
    }

    @Test
    void aShuffledGroupBySumGivesTheExactAnswerAndAProfile() {
        QueryHandle query = client.submitStages(SumByKeyRunner.job(6, 1000, 17, 3, 0), DistributedOptions.defaults());
        QueryResult result = query.awaitResult(TIMEOUT);

        assertThat(SumByKeyRunner.collect(result.batches())).isEqualTo(SumByKeyRunner.expected(6, 1000, 17));
        assertThat(result.totalRows()).isEqualTo(17);
        assertThat(result.finishedStages()).isEqualTo(2);
        assertThat(result.resultFiles()).hasSize(3);
        QueryProfile profile = query.profile();
        assertThat(profile.entries()).extracting(ProfileEntry::stageId).contains(0, 1);
        long written = profile.entries().stream().filter(e -> e.stageId() == 0)
                .mapToLong(e -> e.metrics().shuffleBytesWritten()).sum();
        long read = profile.entries().stream().filter(e -> e.stageId() == 1)
                .mapToLong(e -> e.metrics().shuffleBytesRead()).sum();
        assertThat(written).isPositive();
        // Partitions travel as uncompressed Arrow streams and land uncompressed, so read may exceed written.
        assertThat(read).isPositive();
        assertThat(profile.entries().stream().filter(e -> e.stageId() == 1).mapToLong(e -> e.metrics().rowsIn()).sum())
                .isEqualTo(6000);
        assertThat(profile.render()).contains("shuffle_write");
    }

    @Test
    void fourQueriesAtOnceAllGetTheirOwnAnswer() {
        List<QueryHandle> queries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            queries.add(client.submitStages(SumByKeyRunner.job(4, 500 + i, 5 + i, 2 + i % 2, 0),
                    DistributedOptions.defaults()));
        }
        for (int i = 0; i < 4; i++) {
            QueryResult result = queries.get(i).awaitResult(TIMEOUT);
            assertThat(SumByKeyRunner.collect(result.batches())).isEqualTo(SumByKeyRunner.expected(4, 500 + i, 5 + i));
        }
    }

    @Test
    void malformedRequestsGetClearErrorsAndTheClusterStaysHealthy() {
        WireInput garbage = Rpc.openResponseQuietly(client.rawCall(Rpc.SUBMIT, new byte[] {1, 2, 3}));
        assertThat(garbage).isNull();
        assertThatThrownBy(() -> Rpc.openResponse(client.rawCall(Rpc.SUBMIT, new byte[] {1, 2, 3}), Rpc.SUBMIT))
                .isInstanceOf(FloeException.class).hasMessageContaining("malformed submit request");
        byte[] lying = Rpc.request().writeByte(2).writeLong(0).writeBoolean(true).writeInt(1).writeByte(0).writeInt(0)
                .writeBoolean(false).writeString("").writeInt(0).writeInt(0).writeInt(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> Rpc.openResponse(client.rawCall(Rpc.SUBMIT, lying), Rpc.SUBMIT))
                .hasMessageContaining("claims 2147483647 items");
        assertThatThrownBy(() -> Rpc.openResponse(client.rawCall("no-such-method", Rpc.request().toByteArray()),
                "no-such-method")).hasMessageContaining("unknown RPC method 'no-such-method'");
        assertThatThrownBy(() -> Rpc.openResponse(client.rawCall(Rpc.POLL, Rpc.request().writeLong(1).toByteArray()),
                Rpc.POLL)).hasMessageContaining("malformed poll request");
        assertThatThrownBy(() -> client.submit(new byte[] {9, 9, 9}, DistributedOptions.defaults()))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PLAN));
        assertThatThrownBy(() -> client.query(12345).status()).hasMessageContaining("no query with id 12345");

        String worker = client.workers().getFirst();
        try (ShuffleFlightClient peer = new ShuffleFlightClient(1)) {
            assertThatThrownBy(() -> peer.fetch(worker, new ShuffleTicket(999, 0, 0, 0), directory.resolve("x.arrow")))
                    .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.CLUSTER_ERROR))
                    .hasMessageContaining("NOT_FOUND").hasMessageContaining("no shuffle output 999/0/0/0");
        }

        assertThat(client.workers()).hasSize(3);
        QueryResult result = client.submitStages(SumByKeyRunner.job(3, 100, 4, 2, 0), DistributedOptions.defaults())
                .awaitResult(TIMEOUT);
        assertThat(SumByKeyRunner.collect(result.batches())).isEqualTo(SumByKeyRunner.expected(3, 100, 4));
    }

    @Test
    void aSerializedPlanIsPlannedIntoStagesByTheCoordinator() {
        dev.floe.plan.logical.Aggregate plan = new dev.floe.plan.logical.Aggregate(
                dev.floe.cluster.plan.TestPlans.keyValues(8, 50, 7),
                List.of(dev.floe.plan.expr.NamedExpr.column("k", dev.floe.core.types.DataType.INT64)),
                List.of(dev.floe.cluster.plan.TestPlans.aggregate("total", new dev.floe.plan.function.AggregateFunction.Sum(),
                        "v", dev.floe.core.types.DataType.INT64)), false);
        QueryHandle query = client.submit(plan, DistributedOptions.defaults());
        dev.floe.cluster.protocol.QueryInfo info = query.info();

        assertThat(info.totalStages()).isEqualTo(2);
        assertThat(info.explain()).startsWith("Stage 0: 6 partitions, output hash(k; 6)")
                .contains("Aggregate keys=[k] aggregates=[total=sum(__partial_0)]");
        query.cancel();
    }

    @Test
    void cancelingAQueryFreesTheWorkersSlotsForTheNextQuery() {
        QueryHandle slow = client.submitStages(SumByKeyRunner.job(6, 10, 2, 2, 60_000), DistributedOptions.defaults());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (slow.status() != dev.floe.cluster.QueryStatus.RUNNING) {
            assertThat(System.nanoTime()).as("the slow query never started").isLessThan(deadline);
            Thread.onSpinWait();
        }
        slow.cancel();
        assertThat(slow.status()).isEqualTo(dev.floe.cluster.QueryStatus.CANCELED);
        assertThatThrownBy(() -> slow.awaitResult(TIMEOUT)).isInstanceOfSatisfying(FloeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELED));

        QueryResult next = client.submitStages(SumByKeyRunner.job(3, 100, 4, 2, 0), DistributedOptions.defaults())
                .awaitResult(Duration.ofSeconds(40));
        assertThat(SumByKeyRunner.collect(next.batches())).isEqualTo(SumByKeyRunner.expected(3, 100, 4));
    }

    @Test
    void aFailingRunnerFailsTheQueryAfterItsRetriesWithTheError() {
        List<dev.floe.cluster.protocol.JobStage> job = List.of(new dev.floe.cluster.protocol.JobStage(0, 1, List.of(),
                new dev.floe.cluster.plan.Exchange.Result(), "dev.floe.NoSuchRunner", List.of(new byte[0])));
        QueryHandle query = client.submitStages(job, DistributedOptions.defaults().withNRetries(1));
        assertThatThrownBy(() -> query.awaitResult(TIMEOUT)).hasMessageContaining("failed 2 time(s)")
                .hasMessageContaining("unknown task runner 'dev.floe.NoSuchRunner'");
    }
}
