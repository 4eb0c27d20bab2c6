package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 PDS-H queries at scale factor 0.1 run distributed on one local cluster of 3 worker JVMs (started once for
 * the class, stopped after), through {@code lf.remote(ctx).distributed()}, against the committed answers; and one
 * query from S3 (the shared s3mock server), whose storage options travel inside the serialized plan and whose
 * secret must not show in any plan text or process log ({@link PdshDistributedS3Test} runs all 22 from S3).
 */
class PdshDistributedTest extends LocalClusterTest {
    private static final double SCALE_FACTOR = 0.1;
    private static final PdshAnswers ANSWERS = PdshAnswers.fromClasspath(SCALE_FACTOR);

    private static PdshTables tables;

    @BeforeAll
    static void generate() {
        tables = PdshTestData.tables(SCALE_FACTOR);
    }

    static List<Integer> queries() {
        return java.util.stream.IntStream.rangeClosed(1, PdshQueries.COUNT).boxed().toList();
    }

    static void check(int query, DataFrame result) {
        ResultComparison comparison = ANSWERS.compare(query, ResultTable.fromBatches(result.schema(),
                List.of(result.toBatch())));
        assertThat(comparison.matches()).as(comparison.report()).isTrue();
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("queries")
    void distributedAnswersMatchTheReference(int query) {
        check(query, PdshQueries.query(query, tables).remote(context).distributed().collectFrame());
    }

    @Test
    void theSecretOfTheStorageOptionsShowsInNoPlanAndNoLog() throws IOException {
        PdshTables remote = PdshS3Data.tables(SCALE_FACTOR);
        String secret = remote.storageOptions().get("aws_secret_access_key");
        assertThat(secret).isNotBlank();
        LazyFrame query = PdshQueries.query(3, remote);
        check(3, query.remote(context).distributed().collectFrame());
        assertThat(query.explain()).contains("s3://").doesNotContain(secret);
        assertThat(query.explain(false)).doesNotContain(secret);
        assertThat(query.remote(context).explain()).contains("s3://").doesNotContain(secret);
        assertThat(query.remote(context).execute().stageGraph()).doesNotContain(secret);
        // The process logs sit in each cluster's directory; the workers' shuffle trees below it come and go.
        try (Stream<Path> files = Files.walk(directory, 2)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".out") || f.toString().endsWith(".err"))
                    .toList()) {
                assertThat(Files.readString(log)).as(log.toString()).doesNotContain(secret);
            }
        }
    }
}
