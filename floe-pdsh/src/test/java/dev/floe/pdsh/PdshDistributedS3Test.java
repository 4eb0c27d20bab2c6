package dev.floe.pdsh;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 PDS-H queries at scale factor 0.1 read from S3 (the shared s3mock server) on one local cluster of 3
 * worker JVMs, against the committed answers. The workers have no {@code AWS_*} variables: they read their
 * partitions from S3 themselves with the storage options carried inside the serialized plan. Tagged slow (a few
 * minutes on 2 busy cores): {@code ./mvnw -Pslow test}, which CI runs.
 */
@Tag("slow")
class PdshDistributedS3Test extends LocalClusterTest {
    private static final double SCALE_FACTOR = 0.1;

    private static PdshTables tables;

    @BeforeAll
    static void upload() {
        tables = PdshS3Data.tables(SCALE_FACTOR);
    }

    static List<Integer> queries() {
        return PdshDistributedTest.queries();
    }

    @ParameterizedTest(name = "q{0} from S3")
    @MethodSource("queries")
    void distributedAnswersFromS3MatchTheReference(int query) {
        PdshDistributedTest.check(query, PdshQueries.query(query, tables).remote(context).distributed()
                .collectFrame());
    }
}
