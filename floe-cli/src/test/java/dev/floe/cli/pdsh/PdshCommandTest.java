package dev.floe.cli.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cli.FloeCommand;
import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.PdshQueries;
import dev.floe.pdsh.PdshTables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code floe pdsh} commands on a small data set generated under target/: output lines, CSV, errors. */
class PdshCommandTest {
    private static final Path DATA = Path.of("target", "pdsh-cli-data").toAbsolutePath();
    private static final String SF = "0.01";

    /** The exit code and what a command printed. */
    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome floe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FloeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void generate() {
        if (!PdshGenerator.isComplete(DATA, 0.01)) {
            Outcome outcome = floe("pdsh", "generate", "--sf", SF, "--out", DATA.toString());
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        }
        assertThat(PdshGenerator.isComplete(DATA, 0.01)).isTrue();
    }

    @Test
    void distributedRunsKeepTheContractAndTheLocalAnswer() throws IOException {
        Path local = DATA.resolve("out").resolve("q03-local.csv");
        Path distributed = DATA.resolve("out").resolve("q03-distributed.csv");
        assertThat(floe("pdsh", "run", "--query", "3", "--sf", SF, "--data", DATA.toString(), "--out",
                local.toString(), "--runs", "1", "--warmup", "0").exitCode()).isZero();
        Outcome outcome = floe("pdsh", "run", "--query", "3", "--sf", SF, "--data", DATA.toString(),
                "--out", distributed.toString(), "--runs", "2", "--warmup", "0", "--distributed", "--workers", "2",
                "--shuffle-compression", "zstd");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<String> lines = outcome.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("PDSH_TIMING engine=floe query=3 run=1 seconds=[0-9]+\\.[0-9]+");
        assertThat(lines.get(2)).startsWith("PDSH_RESULT engine=floe query=3 rows=");
        var comparison = dev.floe.pdsh.ResultComparison.compare(dev.floe.pdsh.PdshQuery.of(3),
                dev.floe.pdsh.ResultTable.readCsv(local), dev.floe.pdsh.ResultTable.readCsv(distributed));
        assertThat(comparison.matches()).as(comparison.report()).isTrue();

        Outcome explain = floe("pdsh", "explain", "--query", "3", "--sf", SF, "--data", DATA.toString(),
                "--distributed", "--workers", "2");
        assertThat(explain.exitCode()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("Stage 0").contains("ShuffleRead");
        Outcome both = floe("pdsh", "run", "--query", "3", "--sf", SF, "--data", DATA.toString(), "--out",
                distributed.toString(), "--workers", "2");
        assertThat(both.exitCode()).isEqualTo(1);
        assertThat(both.err()).contains("--distributed");
    }

    @Test
    void runPrintsOneTimingLinePerRunThenTheResultLineAndWritesTheCsv() throws IOException {
        Path csv = DATA.resolve("out").resolve("q01.csv");
        Files.deleteIfExists(csv);
        Outcome outcome = floe("pdsh", "run", "--query", "1", "--sf", SF, "--data", DATA.toString(),
                "--out", csv.toString(), "--runs", "3", "--warmup", "1", "--threads", "2");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<String> lines = outcome.out().lines().toList();
        assertThat(lines).hasSize(4);
        for (int run = 1; run <= 3; run++) {
            assertThat(lines.get(run - 1)).matches("PDSH_TIMING engine=floe query=1 run=" + run
                    + " seconds=[0-9]+\\.[0-9]+");
        }
        assertThat(lines.get(3)).isEqualTo("PDSH_RESULT engine=floe query=1 rows=4 cols=10");
        List<String> written = Files.readAllLines(csv);
        assertThat(written.getFirst()).isEqualTo("l_returnflag,l_linestatus,sum_qty,sum_base_price,sum_disc_price,"
                + "sum_charge,avg_qty,avg_price,avg_disc,count_order");
        assertThat(written).hasSize(5);
        assertThat(written.get(1)).startsWith("A,F,");
    }

    @Test
    void theCsvHoldsNumbersInFullPrecisionAndDatesAsIsoText() throws IOException {
        Path csv = DATA.resolve("out").resolve("q03.csv");
        Outcome outcome = floe("pdsh", "run", "--query", "3", "--sf", SF, "--data", DATA.toString(),
                "--out", csv.toString(), "--runs", "1", "--warmup", "0");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        var expected = PdshQueries.query(3, PdshTables.of(DATA.toString(), 0.01, Map.of())).collect();
        List<String> written = Files.readAllLines(csv);
        assertThat(written).hasSize(expected.height() + 1);
        String[] first = written.get(1).split(",");
        assertThat(first[1]).isEqualTo(String.valueOf(expected.get(0, "revenue")));
        assertThat(first[2]).isEqualTo(expected.get(0, "o_orderdate").toString()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void runAllPrintsATableWithATotal() {
        Outcome outcome = floe("pdsh", "run", "--query", "all", "--sf", SF, "--data", DATA.toString(),
                "--runs", "1", "--warmup", "0");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("PDSH_RESULT engine=floe query=22 ").contains("q22 ")
                .contains("no answers for this SF");
        assertThat(outcome.out().lines().filter(line -> line.startsWith("PDSH_TIMING")).count()).isEqualTo(22);
        assertThat(outcome.out().lines().reduce((a, b) -> b).orElseThrow()).startsWith("total");
    }

    @Test
    void explainPrintsTheOptimizedAndTheLogicalPlan() {
        Outcome optimized = floe("pdsh", "explain", "--query", "6", "--sf", SF, "--data", DATA.toString());
        Outcome logical = floe("pdsh", "explain", "--query", "6", "--sf", SF, "--data", DATA.toString(),
                "--unoptimized");

        assertThat(optimized.exitCode()).as(optimized.err()).isZero();
        assertThat(logical.exitCode()).as(logical.err()).isZero();
        assertThat(optimized.out()).contains("lineitem");
        assertThat(optimized.out()).isNotEqualTo(logical.out());
    }

    @Test
    void generateWritesTheRequestedNumberOfLineitemParts() throws IOException {
        Path root = DATA.resolve("parts");
        Outcome outcome = floe("pdsh", "generate", "--sf", SF, "--out", root.toString(), "--parts", "2");

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        try (var files = Files.list(root.resolve("sf0.01").resolve("lineitem"))) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted())
                    .containsExactly("part-0.parquet", "part-1.parquet");
        }
        try (var files = Files.list(root.resolve("sf0.01").resolve("nation"))) {
            assertThat(files.count()).isEqualTo(1);
        }
        Outcome zeroParts = floe("pdsh", "generate", "--sf", SF, "--out", root.toString(), "--parts", "0");
        assertThat(zeroParts.exitCode()).isEqualTo(1);
        assertThat(zeroParts.err()).contains("--parts must be at least 1");
    }

    @Test
    void aMissingDataDirectoryIsAOneLineErrorNamingItAndHowToGenerate() {
        Path missing = DATA.resolve("nothing-here");
        Outcome outcome = floe("pdsh", "run", "--query", "1", "--sf", SF, "--data", missing.toString(),
                "--out", DATA.resolve("x.csv").toString(), "--runs", "1", "--warmup", "0");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err().lines().toList()).hasSize(1);
        assertThat(outcome.err()).contains(missing.resolve("sf0.01").toString()).contains("floe pdsh generate");
    }

    @Test
    void badArgumentsExitNonZeroWithAMessage() {
        Outcome queryOutOfRange = floe("pdsh", "run", "--query", "23", "--sf", SF, "--data", DATA.toString(),
                "--out", "x.csv");
        assertThat(queryOutOfRange.exitCode()).isEqualTo(1);
        assertThat(queryOutOfRange.err()).contains("1 to 22");

        Outcome notANumber = floe("pdsh", "run", "--query", "seven", "--sf", SF, "--data", DATA.toString());
        assertThat(notANumber.exitCode()).isEqualTo(1);
        assertThat(notANumber.err()).contains("'seven'").contains("all");

        Outcome zeroRuns = floe("pdsh", "run", "--query", "1", "--sf", SF, "--data", DATA.toString(),
                "--out", "x.csv", "--runs", "0");
        assertThat(zeroRuns.exitCode()).isEqualTo(1);
        assertThat(zeroRuns.err()).contains("--runs must be at least 1");

        Outcome noOut = floe("pdsh", "run", "--query", "1", "--sf", SF, "--data", DATA.toString());
        assertThat(noOut.exitCode()).isEqualTo(1);
        assertThat(noOut.err()).contains("--out FILE is required");

        Outcome missingOption = floe("pdsh", "run", "--query", "1");
        assertThat(missingOption.exitCode()).isEqualTo(2);
        assertThat(missingOption.err()).contains("--sf").contains("--data");

        Outcome unknownOption = floe("pdsh", "run", "--query", "1", "--sf", SF, "--data", DATA.toString(),
                "--bogus");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("--bogus");

        Outcome compressionLocally = floe("pdsh", "run", "--query", "1", "--sf", SF, "--data", DATA.toString(),
                "--out", "x.csv", "--shuffle-compression", "lz4");
        assertThat(compressionLocally.exitCode()).isEqualTo(1);
        assertThat(compressionLocally.err()).contains("--shuffle-compression goes with --distributed");

        Outcome unknownCompression = floe("pdsh", "run", "--query", "1", "--sf", SF, "--data", DATA.toString(),
                "--out", "x.csv", "--distributed", "--shuffle-compression", "gzip");
        assertThat(unknownCompression.exitCode()).isEqualTo(1);
        assertThat(unknownCompression.err()).contains("'gzip'").contains("auto, lz4, zstd or none");

        Outcome badScaleFactor = floe("pdsh", "generate", "--sf", "-1", "--out", DATA.toString());
        assertThat(badScaleFactor.exitCode()).isEqualTo(1);
        assertThat(badScaleFactor.err()).startsWith("floe: ");
    }
}
