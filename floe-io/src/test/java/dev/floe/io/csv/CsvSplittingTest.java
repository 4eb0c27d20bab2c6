package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.vector.Batch;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.testing.ExpectedRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSplittingTest {
    @TempDir
    Path directory;

    private static Map<String, String> typed() {
        Map<String, String> options = new HashMap<>();
        options.put("schema_overrides", CsvFixturesTest.TYPES);
        return options;
    }

    @Test
    void byteRangesAlignedToRecordsGiveTheSameRows() {
        String path = ExpectedRows.fixture("csv/polars_comma.csv").toString();
        CsvTableSource source = (CsvTableSource) CsvTableSource.open(new ScanSource(FileFormat.CSV, List.of(path),
                typed()));
        List<ScanTask> tasks = source.plan(20_000);
        assertThat(tasks.size()).isGreaterThan(20);
        assertThat(tasks.getFirst().start()).isZero();
        long covered = 0;
        for (ScanTask task : tasks) {
            assertThat(task.start()).isEqualTo(covered);
            covered += task.length();
        }
        assertThat(covered).isEqualTo(new java.io.File(path).length());
        List<Batch> batches = new ArrayList<>();
        for (ScanTask task : tasks) {
            try (BatchReader reader = source.open(task, ScanRequest.all())) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    batches.add(batch);
                }
            }
        }
        ExpectedRows.assertMatches(batches, CsvFixturesTest.expectedTypes(2000), "split polars_comma.csv");
    }

    @Test
    void tinyBuffersGiveTheSameRecords() {
        String path = ExpectedRows.fixture("csv/duckdb_comma.csv").toString();
        long size = new java.io.File(path).length();
        CsvOptions options = CsvOptions.from(Map.of());
        List<String> small = fieldsOf(new CsvRecordSource(path, 0, size, options, -1, 100));
        List<String> large = fieldsOf(new CsvRecordSource(path, 0, size, options, -1));
        assertThat(small).hasSize(2000 * 24).isEqualTo(large);
    }

    private static List<String> fieldsOf(CsvRecordSource source) {
        List<String> fields = new ArrayList<>();
        try (source) {
            while (source.nextBlock(7)) {
                CsvRecordParser parser = source.parser();
                for (int i = 0; i < parser.rows * parser.columns; i++) {
                    fields.add(new String(CsvFields.copy(source.buffer(), parser.starts[i], parser.ends[i],
                            parser.flags[i], parser.quote()), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }

    @Test
    void lineEndingsEmptyLinesAndMissingFinalNewline() throws Exception {
        Path file = directory.resolve("mixed.csv");
        Files.writeString(file, "a,b\r1,\"x\r\ny\"\n\n2,\"\"\r\n3,\"q\"\"q\"");
        List<Batch> batches = CsvFixturesTest.readAll(CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(file.toString()), Map.of())), ScanRequest.all());
        Batch batch = batches.getFirst();
        assertThat(batch.rowCount()).isEqualTo(3);
        assertThat(batch.column("a").getObject(2)).isEqualTo(3L);
        assertThat(batch.column("b").getObject(0)).isEqualTo("x\r\ny");
        assertThat(batch.column("b").getObject(1)).isEqualTo("");
        assertThat(batch.column("b").getObject(2)).isEqualTo("q\"q");
    }

    @Test
    void duplicateHeaderNamesSkipRowsAndNullValues() throws Exception {
        Path file = directory.resolve("dup.csv");
        Files.writeString(file, "junk line\na,a,b\n1,NA,x\n,2,NA\n");
        Map<String, String> options = Map.of("skip_rows", "1", "null_values", "NA");
        List<Batch> batches = CsvFixturesTest.readAll(CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(file.toString()), options)), ScanRequest.all());
        Batch batch = batches.getFirst();
        assertThat(batch.schema().names()).containsExactly("a", "a_duplicated_0", "b");
        assertThat(batch.column("a_duplicated_0").getObject(0)).isNull();
        assertThat(batch.column("a_duplicated_0").getObject(1)).isEqualTo(2L);
        assertThat(batch.column("a").getObject(1)).isNull();
        assertThat(batch.column("b").getObject(1)).isNull();
    }

    @Test
    void hivePartitionsAndFilePathsAreConstantColumns() throws Exception {
        Path first = directory.resolve("year=2023/part.csv");
        Path second = directory.resolve("year=2024/part.csv");
        Files.createDirectories(first.getParent());
        Files.createDirectories(second.getParent());
        Files.writeString(first, "id,name\n1,a\n2,b\n");
        Files.writeString(second, "id,name\n3,c\n");
        CsvTableSource source = (CsvTableSource) CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(directory.toString()), Map.of("include_file_paths", "file")));
        assertThat(source.schema().names()).containsExactly("id", "name", "year", "file");
        List<Batch> batches = CsvFixturesTest.readAll(source, new ScanRequest(List.of("file", "year", "id"), null, -1,
                1024));
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).column("year").getObject(1)).isEqualTo(2023L);
        assertThat(batches.get(1).column("year").getObject(0)).isEqualTo(2024L);
        assertThat(batches.get(1).column("file").getObject(0)).isEqualTo(second.toString());
        assertThat(batches.get(1).column("id").getObject(0)).isEqualTo(3L);
    }

    @Test
    void rowLimitAndNRowsStopEarly() {
        String path = ExpectedRows.fixture("csv/polars_comma.csv").toString();
        CsvTableSource source = (CsvTableSource) CsvTableSource.open(new ScanSource(FileFormat.CSV, List.of(path),
                Map.of("n_rows", "25")));
        List<Batch> batches = CsvFixturesTest.readAll(source, new ScanRequest(null, null, -1, 10));
        assertThat(batches.stream().mapToInt(Batch::rowCount).sum()).isEqualTo(25);
        List<Batch> limited = CsvFixturesTest.readAll(source, new ScanRequest(List.of("row_id"), null, 3, 10));
        assertThat(limited.stream().mapToInt(Batch::rowCount).sum()).isEqualTo(3);
    }

    @Test
    void decimalsRoundToTheScaleAndRejectOverflow() throws Exception {
        Path file = directory.resolve("dec.csv");
        Files.writeString(file, "d,w\n1.5,1.5\n-0.005,-12345678901234567890.123\n007,0.0000000001\n.25,-.25\n");
        List<Batch> batches = CsvFixturesTest.readAll(CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(file.toString()), Map.of("schema_overrides", "d:Decimal(5, 2),w:Decimal(30, 3)"))),
                ScanRequest.all());
        Batch batch = batches.getFirst();
        assertThat(batch.column("d").getObject(0)).isEqualTo(new java.math.BigDecimal("1.50"));
        assertThat(batch.column("d").getObject(1)).isEqualTo(new java.math.BigDecimal("-0.00"));
        assertThat(batch.column("d").getObject(2)).isEqualTo(new java.math.BigDecimal("7.00"));
        assertThat(batch.column("d").getObject(3)).isEqualTo(new java.math.BigDecimal("0.25"));
        assertThat(batch.column("w").getObject(1)).isEqualTo(new java.math.BigDecimal("-12345678901234567890.123"));
        assertThat(batch.column("w").getObject(2)).isEqualTo(new java.math.BigDecimal("0.000"));
        assertThat(batch.column("w").getObject(3)).isEqualTo(new java.math.BigDecimal("-0.250"));
        Path tooWide = directory.resolve("wide.csv");
        Files.writeString(tooWide, "d\n1000.00\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvFixturesTest.readAll(CsvTableSource.open(
                new ScanSource(FileFormat.CSV, List.of(tooWide.toString()), Map.of("schema_overrides",
                        "d:Decimal(5, 2)"))), ScanRequest.all()))
                .hasMessageContaining("'1000.00'").hasMessageContaining("Decimal(5, 2)").hasMessageContaining("line 2");
    }

    @Test
    void filesWithoutQuotingSplitAtLineBreaks() throws Exception {
        Path file = directory.resolve("plain.csv");
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",name \"").append(i).append("\n");
        }
        Files.writeString(file, text.toString());
        CsvTableSource source = (CsvTableSource) CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(file.toString()), Map.of("quote_char", "")));
        List<ScanTask> tasks = source.plan(4096);
        assertThat(tasks.size()).isGreaterThan(10);
        long expectedId = 0;
        for (ScanTask task : tasks) {
            try (BatchReader reader = source.open(task, ScanRequest.all())) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        assertThat(batch.column("id").getObject(r)).isEqualTo(expectedId);
                        assertThat(batch.column("name").getObject(r)).isEqualTo("name \"" + expectedId);
                        expectedId++;
                    }
                }
            }
        }
        assertThat(expectedId).isEqualTo(5000);
    }

    @Test
    void unbalancedQuotesKeepTheFileWhole() throws Exception {
        Path file = directory.resolve("stray.csv");
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < 2000; i++) {
            text.append(i).append(i == 7 ? ",it\"s\n" : ",x\n");
        }
        Files.writeString(file, text.toString());
        CsvTableSource source = (CsvTableSource) CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(file.toString()), Map.of()));
        assertThat(source.plan(1024)).hasSize(1);
        assertThat(CsvFixturesTest.readAll(source, ScanRequest.all()).stream().mapToInt(Batch::rowCount).sum())
                .isEqualTo(2000);
    }

    @Test
    void emptyAndHeaderOnlyFiles() throws Exception {
        Path empty = directory.resolve("empty.csv");
        Files.writeString(empty, "");
        CsvTableSource none = (CsvTableSource) CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(empty.toString()), Map.of()));
        assertThat(none.schema().size()).isZero();
        assertThat(CsvFixturesTest.readAll(none, ScanRequest.all())).isEmpty();
        Path header = directory.resolve("header.csv");
        Files.writeString(header, "a,b");
        CsvTableSource names = (CsvTableSource) CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(header.toString()), Map.of("schema_overrides", "a:Int32")));
        assertThat(names.schema().names()).containsExactly("a", "b");
        assertThat(names.schema().field("a").type()).isEqualTo(dev.floe.core.types.DataType.INT32);
        assertThat(CsvFixturesTest.readAll(names, ScanRequest.all())).isEmpty();
    }

    @Test
    void invalidUtf8IsAnErrorOrReplaced() throws Exception {
        Path file = directory.resolve("latin1.csv");
        Files.write(file, new byte[] {'a', ',', 'b', '\n', '1', ',', 'c', 'a', 'f', (byte) 0xE9, '\n', '2', ',', 'o', 'k',
            '\n'});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvFixturesTest.readAll(CsvTableSource.open(
                new ScanSource(FileFormat.CSV, List.of(file.toString()), Map.of())), ScanRequest.all()))
                .hasMessageContaining("invalid UTF-8").hasMessageContaining("line 2").hasMessageContaining("'b'");
        List<Batch> lossy = CsvFixturesTest.readAll(CsvTableSource.open(new ScanSource(FileFormat.CSV,
                List.of(file.toString()), Map.of("encoding", "utf8-lossy"))), ScanRequest.all());
        assertThat(lossy.getFirst().column("b").getObject(0)).isEqualTo("caf\uFFFD");
        assertThat(lossy.getFirst().column("b").getObject(1)).isEqualTo("ok");
    }
}
