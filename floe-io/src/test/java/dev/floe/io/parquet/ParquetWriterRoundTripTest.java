package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSource;
import dev.floe.io.parquet.write.ParquetCompression;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.io.testing.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Files Floe writes read back in Floe with identical values and types. */
class ParquetWriterRoundTripTest {
    private static final String TYPES = "parquet/types/polars_zstd.parquet";

    static Batch readFile(Path file) {
        return Fixtures.readAll(ParquetTableSource.open(new ScanSource(FileFormat.PARQUET, List.of(file.toString()),
                Map.of())), ScanRequest.all());
    }

    private static List<Batch> inBatches(Batch batch, int size) {
        List<Batch> batches = new ArrayList<>();
        for (int offset = 0; offset < batch.rowCount(); offset += size) {
            batches.add(batch.slice(offset, Math.min(size, batch.rowCount() - offset)));
        }
        return batches;
    }

    @ParameterizedTest
    @EnumSource(ParquetCompression.class)
    void everyFlatTypeRoundTrips(ParquetCompression compression, @TempDir Path directory) throws Exception {
        Batch original = Fixtures.readAll(TYPES);
        Path file = directory.resolve("types.parquet");
        ParquetWriter.write(file, original.schema(), inBatches(original, 333),
                ParquetWriteOptions.defaults().withCompression(compression).withRowGroupSize(700).withPageRows(256));
        Batch back = readFile(file);
        assertThat(back.schema()).isEqualTo(original.schema());
        var expected = Json.readLines(Fixtures.path("expected/types.ndjson"));
        assertThat(ExpectedValues.mismatches(back, expected)).isEmpty();
        ParquetMetadata metadata = ParquetMetadata.read(file.toString());
        assertThat(metadata.rowGroupCount()).isEqualTo(3);
        assertThat(metadata.codecs()).containsExactly(compression.name());
    }

    @ParameterizedTest
    @EnumSource(ParquetCompression.class)
    void dataPagesV2RoundTrip(ParquetCompression compression, @TempDir Path directory) throws Exception {
        Batch original = Fixtures.readAll(TYPES);
        for (boolean dictionary : new boolean[] {true, false}) {
            Path file = directory.resolve("v2_" + dictionary + ".parquet");
            ParquetWriter.write(file, original.schema(), List.of(original), ParquetWriteOptions.defaults()
                    .withCompression(compression).withDataPageV2(true).withDictionary(dictionary).withPageRows(500));
            assertThat(ExpectedValues.mismatches(readFile(file), Json.readLines(Fixtures.path("expected/types.ndjson"))))
                    .isEmpty();
        }
    }

    @Test
    void plainEncodingWithoutStatisticsRoundTrips(@TempDir Path directory) throws Exception {
        Batch original = Fixtures.readAll(TYPES);
        Path file = directory.resolve("plain.parquet");
        ParquetWriter.write(file, original.schema(), List.of(original),
                ParquetWriteOptions.defaults().withDictionary(false).withStatistics(false));
        Batch back = readFile(file);
        assertThat(ExpectedValues.mismatches(back, Json.readLines(Fixtures.path("expected/types.ndjson")))).isEmpty();
        var chunk = ParquetMetadata.read(file.toString()).rowGroups().getFirst().getColumns().getFirst();
        assertThat(chunk.getMeta_data().isSetStatistics()).isFalse();
        assertThat(chunk.getMeta_data().getEncodings().toString()).doesNotContain("DICTIONARY");
    }

    @Test
    void dictionaryFallsBackToPlainWhenItGrowsLarge(@TempDir Path directory) {
        Batch original = Fixtures.readAll(TYPES);
        Path file = directory.resolve("fallback.parquet");
        ParquetWriter.write(file, original.schema(), List.of(original),
                ParquetWriteOptions.defaults().withDictionaryLimits(8, 1 << 20));
        ParquetMetadata metadata = ParquetMetadata.read(file.toString());
        var columns = metadata.rowGroups().getFirst().getColumns();
        int strRep = metadata.schema().indexOf("str_rep");
        int str = metadata.schema().indexOf("str");
        assertThat(columns.get(strRep).getMeta_data().getEncodings().toString()).contains("RLE_DICTIONARY");
        assertThat(columns.get(str).getMeta_data().getEncodings().toString()).doesNotContain("DICTIONARY");
        assertThat(readFile(file).column("str").getObject(5)).isEqualTo(original.column("str").getObject(5));
    }

    @Test
    void writtenStatisticsPruneRowGroups(@TempDir Path directory) {
        int rows = 50_000;
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i * 3L;
        }
        Schema schema = Schema.of(Field.of("id", DataType.INT64));
        Path file = directory.resolve("sorted.parquet");
        ParquetWriter.write(file, schema, List.of(new Batch(schema, List.of(LongVector.of(DataType.INT64, ids)))),
                ParquetWriteOptions.defaults().withRowGroupSize(10_000));
        TableSource table = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET, List.of(file.toString()),
                Map.of()));
        var request = new ScanRequest(null, new ColumnPredicate.Compare("id", ColumnPredicate.CompareOp.EQ, 60_000L),
                -1, ScanRequest.DEFAULT_BATCH_SIZE);
        var tasks = table.plan(request);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.getFirst().start()).isEqualTo(2);
        assertThat(tasks.getFirst().length()).isEqualTo(1);
        assertThat(readFile(file).rowCount()).isEqualTo(rows);
    }

    @Test
    void nestedColumnsAreRejectedByName(@TempDir Path directory) {
        Schema schema = Schema.of(Field.of("tags", DataType.list(DataType.STRING)));
        assertThatThrownBy(() -> ParquetWriter.open(directory.resolve("nested.parquet"), schema,
                ParquetWriteOptions.defaults()))
                .isInstanceOf(FloeException.class)
                .hasMessageContaining("tags")
                .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test
    void emptyTableWritesAValidFile(@TempDir Path directory) {
        Batch original = Fixtures.readAll(TYPES);
        Path file = directory.resolve("empty.parquet");
        ParquetWriter.write(file, original.schema(), List.of(), ParquetWriteOptions.defaults());
        ParquetMetadata metadata = ParquetMetadata.read(file.toString());
        assertThat(metadata.rowCount()).isZero();
        assertThat(metadata.schema()).isEqualTo(original.schema());
    }
}
