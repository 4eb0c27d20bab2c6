package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSource;
import dev.floe.io.parquet.write.ParquetDatasetWriter;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.testing.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories of files and hive partitions written by Floe read back as the same table. */
class ParquetDatasetWriterTest {
    private static Batch sortedByRowId(Batch batch, List<String> names) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < batch.rowCount(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong(row -> ((LongVector) batch.column("row_id")).get(row)));
        int[] rows = order.stream().mapToInt(Integer::intValue).toArray();
        List<Vector> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(batch.column(name).take(rows, rows.length));
        }
        return new Batch(batch.schema().select(names), columns, rows.length);
    }

    @Test
    void hivePartitionsRoundTripIncludingEscapesAndNulls(@TempDir Path directory) throws Exception {
        TableSource source = ParquetTableSource.open(Fixtures.source("parquet/hive/sales", Map.of()));
        Batch original = Fixtures.readAll(source, ScanRequest.all());
        List<Path> files = ParquetDatasetWriter.write(directory, original.schema(), List.of(original),
                List.of("year", "month", "region"), 1, ParquetWriteOptions.defaults(), 2);
        assertThat(files).hasSize(28);
        assertThat(files).allSatisfy(file -> assertThat(Files.exists(file)).isTrue());
        assertThat(files.stream().map(Path::toString)).anyMatch(path -> path.contains("region=a%2Fb"))
                .anyMatch(path -> path.contains("region=__HIVE_DEFAULT_PARTITION__"));
        TableSource back = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET, List.of(directory.toString()),
                Map.of()));
        List<String> names = List.of("row_id", "year", "month", "region", "value", "label");
        Batch read = sortedByRowId(Fixtures.readAll(back, ScanRequest.all()), names);
        assertThat(ExpectedValues.mismatches(read, Json.readLines(Fixtures.path("expected/hive.ndjson")))).isEmpty();
    }

    @Test
    void splitsIntoPartsWrittenInParallel(@TempDir Path directory) throws Exception {
        Batch original = Fixtures.readAll("parquet/types/polars_zstd.parquet");
        List<Path> files = ParquetDatasetWriter.write(directory, original.schema(), List.of(original.slice(0, 1500),
                original.slice(1500, 500)), List.of(), 3, ParquetWriteOptions.defaults(), 2);
        assertThat(files).hasSize(3);
        Batch read = Fixtures.readAll(ParquetTableSource.open(new ScanSource(FileFormat.PARQUET,
                List.of(directory.toString()), Map.of())), ScanRequest.all());
        assertThat(ExpectedValues.mismatches(read, Json.readLines(Fixtures.path("expected/types.ndjson")))).isEmpty();
    }
}
