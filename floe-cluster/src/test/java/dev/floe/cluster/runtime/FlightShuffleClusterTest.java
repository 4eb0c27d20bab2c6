package dev.floe.cluster.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.LocalCluster;
import dev.floe.cluster.QueryHandle;
import dev.floe.cluster.QueryResult;
import dev.floe.cluster.ShuffleCompression;
import dev.floe.cluster.plan.TestPlans;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.cluster.testing.BatchRows;
import dev.floe.core.types.DataType;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shuffles between 3 worker JVMs started with same-host reads off travel over Arrow Flight, as between hosts, and
 * give the local executor's answer; with same-host reads on (the shared cluster) the same shuffles are read in place.
 */
class FlightShuffleClusterTest {
    @TempDir
    static Path directory;
    private static LocalCluster flightCluster;
    private static ClusterClient flight;

    @BeforeAll
    static void start() {
        flightCluster = LocalCluster.start(3, 2, 256, directory.resolve("cluster"), 5000, 60, false);
        flight = flightCluster.client();
    }

    @AfterAll
    static void stop() {
        if (flight != null) {
            flight.close();
        }
        if (flightCluster != null) {
            flightCluster.close();
        }
    }

    private static LogicalPlan groupBy() {
        return new Aggregate(TestPlans.keyValues(12, 200, 37), List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(TestPlans.aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64),
                        TestPlans.aggregate("average", new AggregateFunction.Mean(), "v", DataType.FLOAT64)), false);
    }

    private static LogicalPlan join() {
        return new Join(TestPlans.keyValues(9, 100, 20), TestPlans.names(15), JoinType.INNER,
                List.of(TestPlans.column("k", DataType.INT64)), List.of(TestPlans.column("k", DataType.INT64)), "_r");
    }

    /** Runs {@code plan} on {@code client}, checks the answer against the local executor, returns the profile. */
    private static List<ProfileEntry> runChecked(ClusterClient client, LogicalPlan plan, DistributedOptions options) {
        List<List<Object>> local = BatchRows.comparable(new LocalExecutor(ExecutionOptions.defaults()
                .withThreads(1)).execute(plan).batches());
        QueryHandle query = client.submit(plan, options);
        QueryResult result = query.awaitResult(Duration.ofMinutes(2));
        assertThat(BatchRows.comparable(result.batches())).isEqualTo(local);
        return query.profile().entries();
    }

    private static long read(List<ProfileEntry> profile) {
        return profile.stream().mapToLong(e -> e.metrics().shuffleBytesRead()).sum();
    }

    private static long fetched(List<ProfileEntry> profile) {
        return profile.stream().mapToLong(e -> e.metrics().shuffleBytesFetched()).sum();
    }

    /** Stages whose tasks ran on more than one worker and read shuffle input: the shuffle crossed workers. */
    private static void assertShuffledAcrossWorkers(List<ProfileEntry> profile) {
        assertThat(profile.stream().filter(e -> e.metrics().shuffleBytesRead() > 0).map(ProfileEntry::worker)
                .distinct().count()).as("workers reading shuffle input").isGreaterThan(1);
    }

    @Test
    void hashPartitionedGroupByFetchesItsShuffleInputOverFlight() {
        for (DistributedOptions options : List.of(DistributedOptions.defaults(),
                DistributedOptions.defaults().withPreAggregation(false))) {
            List<ProfileEntry> profile = runChecked(flight, groupBy(), options);
            assertShuffledAcrossWorkers(profile);
            assertThat(fetched(profile)).as("bytes fetched over Flight").isPositive()
                    .isLessThanOrEqualTo(read(profile));
            assertThat(profile).allSatisfy(e -> assertThat(e.metrics().shuffleBytesFetched())
                    .isLessThanOrEqualTo(e.metrics().shuffleBytesRead()));
        }
    }

    @Test
    void partitionedJoinFetchesBothSidesOverFlight() {
        List<ProfileEntry> profile = runChecked(flight, join(),
                DistributedOptions.defaults().withEquiJoinBroadcastLimit(0));
        assertShuffledAcrossWorkers(profile);
        assertThat(fetched(profile)).as("bytes fetched over Flight").isPositive().isLessThanOrEqualTo(read(profile));
    }

    @Test
    void withSameHostReadsOnTheSameShufflesAreReadInPlace() {
        ClusterClient shared = SharedTestCluster.client();
        List<ProfileEntry> groupBy = runChecked(shared, groupBy(), DistributedOptions.defaults());
        List<ProfileEntry> join = runChecked(shared, join(),
                DistributedOptions.defaults().withEquiJoinBroadcastLimit(0));
        for (List<ProfileEntry> profile : List.of(groupBy, join)) {
            assertShuffledAcrossWorkers(profile);
            assertThat(read(profile)).isPositive();
            assertThat(fetched(profile)).as("bytes fetched over Flight").isZero();
        }
    }

    private static long written(List<ProfileEntry> profile) {
        return profile.stream().mapToLong(e -> e.metrics().shuffleBytesWritten()).sum();
    }

    /** A group-by without the partial step, over enough rows that LZ4 shrinks the shuffle files. */
    private static LogicalPlan wideGroupBy() {
        return new Aggregate(TestPlans.keyValues(6, 4000, 37), List.of(NamedExpr.column("k", DataType.INT64)),
                List.of(TestPlans.aggregate("total", new AggregateFunction.Sum(), "v", DataType.INT64)), false);
    }

    @Test
    void theDefaultCompressesShuffleFilesOnlyWhenTheyLeaveTheirHost() {
        DistributedOptions auto = DistributedOptions.defaults().withPreAggregation(false);
        DistributedOptions lz4 = auto.withShuffleCompression(ShuffleCompression.LZ4);
        DistributedOptions none = auto.withShuffleCompression(ShuffleCompression.NONE);
        assertThat(auto.shuffleCompression()).isEqualTo(ShuffleCompression.AUTO);
        long acrossHostsAuto = written(runChecked(flight, wideGroupBy(), auto));
        long acrossHostsNone = written(runChecked(flight, wideGroupBy(), none));
        assertThat(acrossHostsAuto).as("default: files read over Flight are compressed").isPositive()
                .isLessThan(acrossHostsNone);

        ClusterClient shared = SharedTestCluster.client();
        long sameHostAuto = written(runChecked(shared, wideGroupBy(), auto));
        long sameHostNone = written(runChecked(shared, wideGroupBy(), none));
        long sameHostLz4 = written(runChecked(shared, wideGroupBy(), lz4));
        assertThat(sameHostAuto).as("default: files read in place are plain").isEqualTo(sameHostNone);
        assertThat(sameHostLz4).as("an explicit lz4 is honoured").isLessThan(sameHostNone);
    }
}
