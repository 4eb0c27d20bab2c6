package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.DataFrame;
import dev.floe.Floe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file commands and the command line's error contract: one line naming the problem, exit code 1. */
class FloeCommandTest {
    @TempDir
    Path directory;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FloeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Path sampleParquet() {
        Path file = directory.resolve("sample.parquet");
        DataFrame.builder()
                .column("id", List.of(1L, 2L, 3L))
                .column("name", Arrays.asList("ada", null, "cy"))
                .column("day", List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 3)))
                .build().lazy().sinkParquet(file.toString());
        return file;
    }

    @Test
    void schemaPrintsColumnsRowsRowGroupsAndCodecs() {
        Run run = run("schema", sampleParquet().toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("format: parquet").contains("rows: 3").contains("row groups: 1")
                .contains("codecs: ZSTD").contains("columns: 3").containsPattern("id\\s+Int64")
                .containsPattern("day\\s+Date");
    }

    @Test
    void headPrintsTheFirstRowsAsADataFrame() {
        Run run = run("head", sampleParquet().toString(), "-n", "2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("shape: (2, 3)").contains("\"ada\"").contains("null").doesNotContain("\"cy\"");
    }

    @Test
    void convertRoundTripsThroughEveryFormat() {
        Path csv = directory.resolve("sample.csv");
        Path arrow = directory.resolve("sample.arrow");
        assertThat(run("convert", sampleParquet().toString(), csv.toString()).exitCode()).isZero();
        assertThat(run("convert", csv.toString(), arrow.toString()).exitCode()).isZero();
        DataFrame.assertEquals(Floe.scanParquet(sampleParquet().toString()).collect(),
                Floe.scanIpc(arrow.toString()).collect());
    }

    @Test
    void aBadFileIsOneLineNamingTheFileAndExitCodeOne() throws IOException {
        Path text = directory.resolve("notes.parquet");
        Files.writeString(text, "this is not a parquet file");
        Run run = run("schema", text.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("floe: ").contains("notes.parquet");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run run = run("--verbose", "head", directory.resolve("missing.parquet").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("missing.parquet").contains("\tat ");
    }

    @Test
    void unknownExtensionsNameTheKnownOnes() {
        Run run = run("head", directory.resolve("data.xlsx").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("data.xlsx").contains(".parquet").contains(".csv");
    }

    @Test
    void badUsageIsExitCodeTwoWithTheUsage() {
        Run run = run("head");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("FILE");
    }
}
