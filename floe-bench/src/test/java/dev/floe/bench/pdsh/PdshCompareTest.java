package dev.floe.bench.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.TableWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Floe and DuckDB side by side on the same generated SF 0.1 files: one line per query, both checked. */
class PdshCompareTest {
    private static final double SCALE_FACTOR = 0.1;
    private static final Path DATA = Path.of("target", "pdsh-parquet");

    @BeforeAll
    static void generate() {
        if (!PdshGenerator.isComplete(DATA, SCALE_FACTOR)) {
            new PdshGenerator(TableWriter.parquet()).generate(DATA, SCALE_FACTOR, System.err);
        }
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
