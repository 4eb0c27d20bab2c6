package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.ComputeContext;
import dev.floe.DataFrame;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 PDS-H queries at scale factor 0.1 run distributed on one local cluster of 3 worker JVMs (started once for
 * the class, stopped after), through {@code lf.remote(ctx).distributed()}, against the committed answers.
 */
class PdshDistributedTest {
    private static final double SCALE_FACTOR = 0.1;
    private static final PdshAnswers ANSWERS = PdshAnswers.fromClasspath(SCALE_FACTOR);

    @TempDir
    static Path directory;
    private static ComputeContext context;
    private static PdshTables tables;

    @BeforeAll
    static void start() {
        tables = PdshTestData.tables(SCALE_FACTOR);
        context = ComputeContext.builder().cpus(1).memory(0.5).clusterSize(3).workDirectory(directory).build();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    static List<Integer> queries() {
        return java.util.stream.IntStream.rangeClosed(1, PdshQueries.COUNT).boxed().toList();
    }

    @ParameterizedTest(name = "q{0}")
    @MethodSource("queries")
    void distributedAnswersMatchTheReference(int query) {
        DataFrame result = PdshQueries.query(query, tables).remote(context).distributed().collectFrame();
        ResultComparison comparison = ANSWERS.compare(query, ResultTable.fromBatches(result.schema(),
                List.of(result.toBatch())));
        assertThat(comparison.matches()).as(comparison.report()).isTrue();
    }
}
