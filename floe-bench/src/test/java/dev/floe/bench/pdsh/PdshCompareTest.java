package dev.floe.bench.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.pdsh.ResultTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Floe and DuckDB side by side on the same generated SF 0.1 files: one line per query, both checked. */
class PdshCompareTest {
    /** An engine that writes what happens to it into a log shared with the other side. */
    private record LoggingEngine(String name, List<String> log) implements PdshEngine {
        LoggingEngine {
            log.add("open " + name);
        }

        @Override
        public ResultTable run(int number) {
            log.add(name + " q" + number);
            return new ResultTable(List.of("x"), List.of(List.of(1L)));
        }

        @Override
        public void close() {
            log.add("close " + name);
        }
    }

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

    @Test
    void sequentialRunsEveryQueryOnTheFirstEngineAndClosesItBeforeTheSecondOpens() {
        List<String> log = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = PdshCompare.run("X", new String[] {"--sf", "0.1", "--runs", "1", "--warmup", "0", "--no-check",
                "--sequential"}, side("a", log), side("b", log), false, new PrintStream(out, true,
                StandardCharsets.UTF_8), System.err);

        assertThat(code).isZero();
        assertThat(log.subList(0, 24)).startsWith("open a", "a q1", "a q2").endsWith("a q22", "close a");
        assertThat(log.subList(24, 48)).startsWith("open b", "b q1").endsWith("b q22", "close b");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("every query on a first, then on b")
                .containsPattern("q22 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+  not checked");
    }

    @Test
    void interleavedRunsEachQueryOnBothEnginesInTurn() {
        List<String> log = new ArrayList<>();
        int code = PdshCompare.run("X", new String[] {"--sf", "0.1", "--runs", "1", "--warmup", "0", "--no-check",
                "--query", "3", "--interleaved"}, side("a", log), side("b", log), true, new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);

        assertThat(code).isZero();
        assertThat(log).containsExactly("open a", "open b", "a q3", "b q3", "close b", "close a");
    }

    private static PdshCompare.Side side(String name, List<String> log) {
        return new PdshCompare.Side(name, (root, scaleFactor, threads) -> new LoggingEngine(name, log));
    }
}
