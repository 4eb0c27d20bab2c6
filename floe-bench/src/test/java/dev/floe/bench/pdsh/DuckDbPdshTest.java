package dev.floe.bench.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.pdsh.PdshAnswers;
import dev.floe.pdsh.PdshQuery;
import dev.floe.pdsh.ResultComparison;
import dev.floe.pdsh.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generator, Parquet writer, DuckDB SQL and answer comparison agree: DuckDB's 22 results over the generated SF 0.1
 * Parquet files match the reference answers.
 */
class DuckDbPdshTest {
    private static final double SCALE_FACTOR = GeneratedData.SCALE_FACTOR;
    private static final Path DATA = GeneratedData.DATA;

    @BeforeAll
    static void generate() {
        GeneratedData.ensure();
    }

    @Test
    void allQueriesMatchTheReferenceAnswers() {
        PdshAnswers answers = PdshAnswers.fromClasspath(SCALE_FACTOR);
        List<String> differences = new ArrayList<>();
        try (DuckDbPdsh duckDb = DuckDbPdsh.open(DATA, SCALE_FACTOR, 0)) {
            for (PdshQuery query : PdshQuery.all()) {
                ResultTable result = duckDb.run(query.number());
                ResultComparison comparison = answers.compare(query.number(), result);
                if (!comparison.matches()) {
                    differences.add(comparison.report());
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void aWrongQueryIsCaught() {
        PdshAnswers answers = PdshAnswers.fromClasspath(SCALE_FACTOR);
        try (DuckDbPdsh duckDb = DuckDbPdsh.open(DATA, SCALE_FACTOR, 0)) {
            ResultComparison comparison = answers.compare(5, duckDb.run(7));
            assertThat(comparison.matches()).isFalse();
            assertThat(comparison.report()).contains("columns differ");
        }
    }

    @Test
    void runnerPrintsEveryQueryAndChecksIt() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = PdshRunnerCommand.run(new String[] {"--sf", "0.1", "--data", DATA.toString(), "--runs", "1",
                "--warmup", "0", "--query", "6"}, "DuckDbPdsh", DuckDbPdsh::open,
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("q06", "ok").doesNotContain("q05");
    }
}
