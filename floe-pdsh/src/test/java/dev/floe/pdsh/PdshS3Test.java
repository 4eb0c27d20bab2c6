package dev.floe.pdsh;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import dev.floe.io.parquet.ParquetMetadata;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.S3MockServer;
import dev.floe.io.storage.S3ObjectStore;
import dev.floe.io.storage.StoredObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 22 PDS-H queries at scale factor 0.1 read from S3 (s3mock on loopback) against the reference answers,
 * and what Q6 fetches: projection and row-group pruning must keep it well below the dataset's size. Prints
 * the bytes fetched and the total time from S3 and from local disk (figures, not assertions).
 */
class PdshS3Test {
    private static final double SCALE_FACTOR = 0.1;
    private static final PdshAnswers ANSWERS = PdshAnswers.fromClasspath(SCALE_FACTOR);
    private static S3MockServer server;
    private static PdshTables local;
    private static PdshTables remote;
    private static long datasetBytes;

    @BeforeAll
    static void upload() {
        local = PdshTestData.tables(SCALE_FACTOR);
        server = S3MockServer.get();
        remote = PdshS3Data.tables(SCALE_FACTOR);
        datasetBytes = ObjectStores.forLocation(remote.location(), server.options()).list(remote.location() + "/")
                .stream().mapToLong(StoredObject::size).sum();
    }

    private static void check(int query, DataFrame result) {
        ResultComparison comparison = ANSWERS.compare(query, ResultTable.fromBatches(result.schema(),
                List.of(result.toBatch())));
        assertThat(comparison.matches()).as("q" + query + " from S3: " + comparison.report()).isTrue();
    }

    @Test
    void all22QueriesFromS3MatchTheReference() {
        long localNanos = 0;
        long remoteNanos = 0;
        for (int round = 0; round < 2; round++) {
            localNanos = 0;
            remoteNanos = 0;
            for (int query = 1; query <= PdshQueries.COUNT; query++) {
                long start = System.nanoTime();
                PdshQueries.query(query, local).collect();
                long middle = System.nanoTime();
                DataFrame result = PdshQueries.query(query, remote).collect();
                remoteNanos += System.nanoTime() - middle;
                localNanos += middle - start;
                check(query, result);
            }
        }
        System.out.printf("PDS-H SF %s, 22 queries (second round): local disk %d ms, S3 (s3mock, loopback) %d ms%n",
                SCALE_FACTOR, localNanos / 1_000_000, remoteNanos / 1_000_000);
    }

    @Test
    void q6FetchesOnlyTheColumnsAndRowGroupsItNeeds() {
        S3ObjectStore store = (S3ObjectStore) ObjectStores.forLocation(remote.location(), server.options());
        long bytesBefore = store.bytesFetched();
        long requestsBefore = store.getRequests();
        DataFrame result = PdshQueries.query(6, remote).collect();
        long fetched = store.bytesFetched() - bytesBefore;
        long requests = store.getRequests() - requestsBefore;
        check(6, result);
        long lineitemBytes = store.list(remote.location() + "/lineitem/").stream().mapToLong(StoredObject::size)
                .sum();
        System.out.printf("PDS-H Q6 SF %s from S3: fetched %d bytes in %d GET requests; lineitem is %d bytes, "
                + "the dataset %d bytes%n", SCALE_FACTOR, fetched, requests, lineitemBytes, datasetBytes);
        assertThat(fetched).isPositive().isLessThan(lineitemBytes / 2);

        String lineitemFile = store.list(remote.location() + "/lineitem/").getFirst().location();
        ParquetMetadata footer = ParquetMetadata.read(lineitemFile, server.options());
        long prunedBefore = store.bytesFetched();
        DataFrame firstOrders = remote.lineitem().filter(col("l_orderkey").lt(1000))
                .select(col("l_extendedprice").sum()).collect();
        long prunedFetched = store.bytesFetched() - prunedBefore;
        System.out.printf("lineitem has %d row groups; l_orderkey < 1000 (first row group only) fetched %d bytes%n",
                footer.rowGroupCount(), prunedFetched);
        assertThat(firstOrders.height()).isEqualTo(1);
        if (footer.rowGroupCount() > 1) {
            assertThat(prunedFetched).isLessThan(fetched);
        }
    }
}
