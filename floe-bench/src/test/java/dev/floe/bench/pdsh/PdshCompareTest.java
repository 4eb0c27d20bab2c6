package dev.floe.bench.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Floe and DuckDB side by side on the same generated SF 0.1 files: one line per query, both checked. */
class PdshCompareTest {
    private static final Path DATA = GeneratedData.DATA;

    @BeforeAll
    static void generate() {
        GeneratedData.ensure();
    }

    @Test
    void printsBothEnginesPerQueryAndInTotalWithTheirAnswerChecks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PdshCompare.run(new String[] {"--sf", "0.1", "--data", DATA.toString(), "--runs", "1",
                "--warmup", "0", "--query", "6"}, FloePdsh::open, DuckDbPdsh::open,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.lines().filter(line -> line.matches("q[0-9]{2} .*"))).hasSize(1);
        assertThat(printed).containsPattern("q06 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+  ok/ok")
                .containsPattern("total +[0-9.]+");
    }
}
