package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdshGeneratorTest {
    /** Records the rows and schema of each file instead of writing a format. */
    private static final class CountingWriter implements TableWriter {
        final Map<Path, Long> rows = new ConcurrentHashMap<>();
        final Map<Path, Schema> schemas = new ConcurrentHashMap<>();

        @Override
        public void write(Path file, Schema schema, Iterator<Batch> batches) throws java.io.IOException {
            long count = 0;
            while (batches.hasNext()) {
                count += batches.next().rowCount();
            }
            Files.writeString(file, Long.toString(count));
            Path finalName = file.resolveSibling(file.getFileName().toString().replace(".tmp", ""));
            rows.put(finalName, count);
            schemas.put(finalName, schema);
        }
    }

    @Test
    void scaleFactorDirectoryNames() {
        assertThat(PdshGenerator.scaleFactorDirectoryName(0.1)).isEqualTo("sf0.1");
        assertThat(PdshGenerator.scaleFactorDirectoryName(1)).isEqualTo("sf1");
        assertThat(PdshGenerator.scaleFactorDirectoryName(10)).isEqualTo("sf10");
        assertThat(PdshGenerator.scaleFactorDirectoryName(0.01)).isEqualTo("sf0.01");
        assertThat(PdshGenerator.scaleFactorDirectoryName(100.0)).isEqualTo("sf100");
    }

    @Test
    void writesEveryTablePartWithProgress(@TempDir Path root) throws Exception {
        CountingWriter writer = new CountingWriter();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        Path directory = new PdshGenerator(writer, 2).generate(root, 0.01,
                new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertThat(directory).isEqualTo(root.resolve("sf0.01"));
        assertThat(PdshGenerator.isComplete(root, 0.01)).isTrue();
        for (int part = 0; part < 4; part++) {
            assertThat(directory.resolve("lineitem/part-" + part + ".parquet")).exists();
            assertThat(directory.resolve("orders/part-" + part + ".parquet")).exists();
        }
        assertThat(directory.resolve("orders/part-4.parquet")).doesNotExist();
        assertThat(directory.resolve("region/part-0.parquet")).hasContent("5");
        assertThat(directory.resolve("customer/part-0.parquet")).hasContent("1500");
        long lineItems = 0;
        for (int part = 0; part < 4; part++) {
            lineItems += writer.rows.get(directory.resolve("lineitem/part-" + part + ".parquet"));
        }
        assertThat(lineItems).isEqualTo(60_175);
        assertThat(writer.schemas.get(directory.resolve("nation/part-0.parquet"))).isEqualTo(TpchTable.NATION.schema());
        try (var files = Files.list(directory.resolve("lineitem"))) {
            assertThat(files.map(path -> path.getFileName().toString()).toList()).noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("generating sf0.01", "100%");
    }

    @Test
    void csvWriterWritesTheAnswerDialect(@TempDir Path root) throws Exception {
        Path directory = new PdshGenerator(new CsvTableWriter(), 2).generate(root, 0.01, null);
        List<String> lines = Files.readAllLines(directory.resolve("lineitem/part-0.csv"));
        assertThat(lines.getFirst()).startsWith("l_orderkey,l_partkey,").endsWith(",l_comment");
        assertThat(lines.get(1)).startsWith("1,1552,").contains(",1996-03-13,");
        ResultTable region = ResultTable.readCsv(directory.resolve("region/part-0.csv"));
        assertThat(region.rowCount()).isEqualTo(5);
        assertThat(region.rows().get(1)).startsWith("1", "AMERICA");
    }

    @Test
    void commandWritesTheChosenFormatAndRejectsBadOptions(@TempDir Path root) {
        PdshGenerateCommand.run(new String[] {"--sf", "0.01", "--data", root.toString(), "--format", "csv",
                "--threads", "2"});
        assertThat(root.resolve("sf0.01/partsupp/part-0.csv")).exists();
        assertThat(PdshGenerator.isComplete(root, 0.01)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdshGenerateCommand.run(
                new String[] {"--format", "orc"})).hasMessageContaining("valid formats are parquet and csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdshGenerateCommand.run(
                new String[] {"--sf", "-1"})).hasMessageContaining("positive");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdshGenerateCommand.run(
                new String[] {"--size", "1"})).hasMessageContaining("unknown option --size");
    }
}
