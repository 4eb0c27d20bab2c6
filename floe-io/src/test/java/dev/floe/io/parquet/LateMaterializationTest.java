package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSource;
import dev.floe.io.parquet.write.ParquetCompression;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.io.predicate.ColumnPredicate.CompareOp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Late materialization: with a pushed-down predicate the scan decodes the predicate's columns first and the other
 * columns only for surviving rows. Whatever the predicate kind, nulls, page encoding or page layout, the scan
 * returns every matching row with its exact values, and for selective predicates no other row.
 */
class LateMaterializationTest {
    private static final int ROWS = 2_000;
    private static final Schema SCHEMA = new Schema(List.of(Field.of("id", DataType.INT64),
            Field.of("k", DataType.INT32), Field.of("d", DataType.FLOAT64), Field.of("s", DataType.STRING),
            Field.of("day", DataType.DATE), Field.of("comment", DataType.STRING)));

    @TempDir
    static Path directory;

    private static Object value(String column, int row) {
        return switch (column) {
            case "id" -> (long) row;
            case "k" -> row % 7 == 0 ? null : row % 50;
            case "d" -> row % 11 == 0 ? null : row * 0.5;
            case "s" -> row % 13 == 0 ? null : "v" + row % 30;
            case "day" -> LocalDate.ofEpochDay(row % 400);
            case "comment" -> "comment number " + row;
            default -> throw new IllegalArgumentException(column);
        };
    }

    private static Path write(String name, ParquetWriteOptions options) {
        Path path = directory.resolve(name + ".parquet");
        if (path.toFile().exists()) {
            return path;
        }
        List<Vector> columns = new ArrayList<>();
        for (Field field : SCHEMA.fields()) {
            List<Object> values = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                values.add(value(field.name(), row));
            }
            columns.add(Vectors.fromObjects(field.type(), values));
        }
        ParquetWriter.write(path, SCHEMA, List.of(new Batch(SCHEMA, columns, ROWS)), options);
        return path;
    }

    static Stream<Arguments> layouts() {
        ParquetWriteOptions base = ParquetWriteOptions.defaults().withRowGroupSize(1_000).withPageRows(100);
        return Stream.of(
                Arguments.of("dictionary", base.withDictionary(true)),
                Arguments.of("plain", base.withDictionary(false)),
                Arguments.of("plain_v2_uncompressed", base.withDictionary(false).withDataPageV2(true)
                        .withCompression(ParquetCompression.UNCOMPRESSED)),
                Arguments.of("dictionary_one_page", ParquetWriteOptions.defaults().withDictionary(true)));
    }

    /**
     * A predicate, the exact row test it stands for, and whether the scan returns only matching rows (late
     * materialization applies: survivors clustered, leaving pages without any; scattered ones are left to the
     * executor's filter).
     */
    private record Case(ColumnPredicate predicate, IntPredicate matches, boolean exact) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case(new ColumnPredicate.Compare("id", CompareOp.LT, 150L), row -> row < 150, true),
                new Case(new ColumnPredicate.Compare("k", CompareOp.EQ, 3L), row -> row % 7 != 0 && row % 50 == 3,
                        false),
                new Case(new ColumnPredicate.Compare("d", CompareOp.GT_EQ, 900.0),
                        row -> row % 11 != 0 && row * 0.5 >= 900.0, true),
                new Case(new ColumnPredicate.Compare("s", CompareOp.EQ, "v7"),
                        row -> row % 13 != 0 && row % 30 == 7, false),
                new Case(new ColumnPredicate.Compare("comment", CompareOp.LT, "comment number 15"),
                        row -> ("comment number " + row).compareTo("comment number 15") < 0, true),
                new Case(new ColumnPredicate.Compare("day", CompareOp.LT, LocalDate.ofEpochDay(20)),
                        row -> row % 400 < 20, false),
                new Case(new ColumnPredicate.IsNull("k"), row -> row % 7 == 0, false),
                new Case(new ColumnPredicate.IsNotNull("s"), row -> row % 13 != 0, false),
                new Case(new ColumnPredicate.In("k", List.of(1L, 2L)),
                        row -> row % 7 != 0 && (row % 50 == 1 || row % 50 == 2), false),
                new Case(new ColumnPredicate.StartsWith("s", "v2"),
                        row -> row % 13 != 0 && String.valueOf(row % 30).startsWith("2"), false),
                new Case(new ColumnPredicate.StartsWith("comment", "comment number 19"),
                        row -> ("comment number " + row).startsWith("comment number 19"), true),
                new Case(new ColumnPredicate.EndsWith("s", "7"),
                        row -> row % 13 != 0 && String.valueOf(row % 30).endsWith("7"), false),
                new Case(new ColumnPredicate.Contains("comment", "number 19", true),
                        row -> ("comment number " + row).contains("number 19"), false),
                new Case(new ColumnPredicate.Not(new ColumnPredicate.Contains("s", "v1.", false)),
                        row -> row % 13 != 0 && !("v" + row % 30).matches("v1."), false),
                new Case(new ColumnPredicate.And(List.of(new ColumnPredicate.Compare("id", CompareOp.LT, 300L),
                        new ColumnPredicate.IsNull("d"))), row -> row < 300 && row % 11 == 0, true),
                new Case(new ColumnPredicate.And(List.of(new ColumnPredicate.Compare("id", CompareOp.GT_EQ, 1_200L),
                        new ColumnPredicate.Compare("k", CompareOp.LT, 10L))),
                        row -> row >= 1_200 && row % 7 != 0 && row % 50 < 10, false),
                new Case(new ColumnPredicate.And(List.of(new ColumnPredicate.Compare("id", CompareOp.GT_EQ, 1_600L),
                        new ColumnPredicate.Compare("k", CompareOp.LT, 10L))),
                        row -> row >= 1_600 && row % 7 != 0 && row % 50 < 10, true),
                new Case(new ColumnPredicate.Or(List.of(new ColumnPredicate.Compare("id", CompareOp.LT, 30L),
                        new ColumnPredicate.Compare("id", CompareOp.GT, 1_990L))), row -> row < 30 || row > 1_990,
                        true),
                new Case(new ColumnPredicate.Not(new ColumnPredicate.Compare("id", CompareOp.LT, 30L)),
                        row -> row >= 30, false),
                new Case(new ColumnPredicate.Compare("id", CompareOp.GT, 5_000L), row -> false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void everyPredicateKindReturnsExactlyTheMatchingRows(String name, ParquetWriteOptions options) {
        Path path = write(name, options);
        TableSource table = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET, List.of(path.toString()),
                Map.of()));
        for (Case test : cases()) {
            Batch batch = Fixtures.readAll(table, new ScanRequest(null, test.predicate(), -1, 256));
            List<Long> returned = new ArrayList<>();
            List<Long> matching = new ArrayList<>();
            for (int i = 0; i < batch.rowCount(); i++) {
                int row = Math.toIntExact((Long) batch.column("id").getObject(i));
                returned.add((long) row);
                for (Field field : SCHEMA.fields()) {
                    assertThat(batch.column(field.name()).getObject(i)).as(test.predicate() + ": " + field.name()
                            + " of row " + row).isEqualTo(value(field.name(), row));
                }
                if (test.matches().test(row)) {
                    matching.add((long) row);
                }
            }
            List<Long> expected = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                if (test.matches().test(row)) {
                    expected.add((long) row);
                }
            }
            assertThat(matching).as(test.predicate().toString()).isEqualTo(expected);
            if (test.exact()) {
                assertThat(returned).as(test.predicate().toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aProjectionWithoutThePredicateColumnsStillFiltersNothingAway() {
        Path path = write("dictionary", ParquetWriteOptions.defaults().withRowGroupSize(1_000).withPageRows(100));
        TableSource table = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET, List.of(path.toString()),
                Map.of()));
        Batch batch = Fixtures.readAll(table, new ScanRequest(List.of("comment"),
                new ColumnPredicate.Compare("k", CompareOp.EQ, 3L), -1, 256));
        assertThat(batch.rowCount()).as("no row group can be pruned by k's statistics").isEqualTo(ROWS);
    }

    @Test
    void pagesWithoutSelectedRowsAreNotDecompressed() throws IOException {
        Path path = write("zstd_pages", ParquetWriteOptions.defaults().withRowGroupSize(ROWS).withPageRows(100)
                .withDictionary(false).withCompression(ParquetCompression.ZSTD));
        ParquetMetadata metadata = ParquetMetadata.read(path.toString());
        ParquetNode.Primitive column = (ParquetNode.Primitive) metadata.column("d");
        ColumnMetaData meta = metadata.rowGroups().getFirst().getColumns().get(column.column()).getMeta_data();
        byte[] chunk = new byte[(int) meta.getTotal_compressed_size()];
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            file.seek(ParquetMetadata.chunkStart(meta));
            file.readFully(chunk);
        }
        corruptDataPage(chunk, 5);
        RowSelection selection = new RowSelection(new int[] {3, 99, 1_000, 1_999}, 4);
        ColumnData data = new ColumnChunkDecoder(path.toString(), column, meta).decode(chunk, ROWS, selection);
        assertThat(data.levelCount()).isEqualTo(4);
        assertThat(data.definition()).containsExactly(1, 0, 1, 1);
        assertThat(data.values().count).isEqualTo(3);
        assertThat(java.util.Arrays.copyOf(data.values().doubles, 3)).containsExactly(1.5, 500.0, 999.5);
        RowSelection inCorruptPage = new RowSelection(new int[] {3, 550}, 2);
        assertThatThrownBy(() -> new ColumnChunkDecoder(path.toString(), column, meta).decode(chunk, ROWS,
                inCorruptPage)).isInstanceOf(FloeException.class)
                .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.CORRUPT_FILE));
    }

    /** Overwrites the compressed body of data page {@code index} (0-based) with garbage. */
    private static void corruptDataPage(byte[] chunk, int index) throws IOException {
        ByteArrayInputStream stream = new ByteArrayInputStream(chunk);
        int dataPages = 0;
        while (stream.available() > 0) {
            PageHeader header = Util.readPageHeader(stream);
            int start = chunk.length - stream.available();
            if (header.getType() == PageType.DATA_PAGE && dataPages++ == index) {
                for (int i = start; i < start + header.getCompressed_page_size(); i++) {
                    chunk[i] = (byte) 0xA5;
                }
                return;
            }
            stream.skipNBytes(header.getCompressed_page_size());
        }
        throw new IllegalStateException("the chunk has " + dataPages + " data pages");
    }
}
