package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSource;
import dev.floe.io.parquet.encoding.ByteReader;
import dev.floe.io.parquet.encoding.CorruptPageException;
import dev.floe.io.parquet.encoding.RleBitPackedDecoder;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.io.predicate.ColumnPredicate.CompareOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DictionaryChunkFilter} and {@link DictionaryPredicate} on hand-built column chunks: a dictionary page, data
 * pages whose indices are RLE runs and bit-packed groups (v1 and v2 headers), null rows, and PLAIN pages after the
 * dictionary overflowed. Every predicate kind gives, row by row, the predicate's exact verdict on each value, and
 * its documented verdict on null rows; through the scan, exactly the matching rows come back.
 */
class DictionaryChunkFilterTest {
    private static final List<String> DICTIONARY = List.of("AIR", "MAIL", "SHIP", "TRUCK", "RAIL", "FOB", "REG AIR");
    /** Bit width of indices into {@link #DICTIONARY}. */
    private static final int WIDTH = 3;

    /** A predicate, its exact test of a non-null value, and whether null rows are kept. */
    private record Case(ColumnPredicate predicate, Predicate<String> matches, boolean keepsNulls) {
    }

    private static List<Case> cases() {
        return List.of(
                new Case(new ColumnPredicate.Compare("s", CompareOp.EQ, "MAIL"), "MAIL"::equals, false),
                new Case(new ColumnPredicate.Compare("s", CompareOp.NOT_EQ, "MAIL"), v -> !v.equals("MAIL"), false),
                new Case(new ColumnPredicate.Compare("s", CompareOp.LT, "RAIL"), v -> v.compareTo("RAIL") < 0, false),
                new Case(new ColumnPredicate.Compare("s", CompareOp.GT_EQ, "RAIL"), v -> v.compareTo("RAIL") >= 0,
                        false),
                new Case(new ColumnPredicate.In("s", List.of("MAIL", "SHIP", "OVERFLOW 3")),
                        v -> v.equals("MAIL") || v.equals("SHIP") || v.equals("OVERFLOW 3"), true),
                new Case(new ColumnPredicate.StartsWith("s", "RE"), v -> v.startsWith("RE"), false),
                new Case(new ColumnPredicate.Not(new ColumnPredicate.StartsWith("s", "RE")),
                        v -> !v.startsWith("RE"), true),
                new Case(new ColumnPredicate.EndsWith("s", "AIL"), v -> v.endsWith("AIL"), false),
                new Case(new ColumnPredicate.Contains("s", "AI", true), v -> v.contains("AI"), false),
                new Case(new ColumnPredicate.Contains("s", "^R.*L$", false), v -> v.matches("R.*L"), false),
                new Case(new ColumnPredicate.Not(new ColumnPredicate.Contains("s", "I.*L", false)),
                        v -> !java.util.regex.Pattern.compile("I.*L").matcher(v).find(), true),
                new Case(new ColumnPredicate.IsNull("s"), v -> false, true),
                new Case(new ColumnPredicate.IsNotNull("s"), v -> true, false),
                new Case(new ColumnPredicate.Or(List.of(new ColumnPredicate.Compare("s", CompareOp.EQ, "AIR"),
                        new ColumnPredicate.StartsWith("s", "OVER"))), v -> v.equals("AIR") || v.startsWith("OVER"),
                        false),
                new Case(new ColumnPredicate.And(List.of(new ColumnPredicate.Compare("s", CompareOp.NOT_EQ, "AIR"),
                        new ColumnPredicate.Compare("s", CompareOp.LT, "SHIP"))),
                        v -> !v.equals("AIR") && v.compareTo("SHIP") < 0, false));
    }

    /** Row values of the test chunk: index {@code i} into the dictionary, or a string for overflow pages. */
    private static String[] rows(boolean nulls) {
        List<String> rows = new ArrayList<>();
        // page 1: an RLE run of MAIL, then bit-packed indices, then a run of SHIP
        for (int i = 0; i < 40; i++) {
            rows.add("MAIL");
        }
        for (int i = 0; i < 24; i++) {
            rows.add(DICTIONARY.get((i * 5) % DICTIONARY.size()));
        }
        for (int i = 0; i < 17; i++) {
            rows.add("SHIP");
        }
        // page 2 (v2 header): bit-packed only
        for (int i = 0; i < 32; i++) {
            rows.add(DICTIONARY.get((i * 3 + 1) % DICTIONARY.size()));
        }
        // page 3: PLAIN values, the dictionary having overflowed
        for (int i = 0; i < 30; i++) {
            rows.add(i % 4 == 0 ? "OVERFLOW " + i : DICTIONARY.get(i % DICTIONARY.size()));
        }
        String[] result = rows.toArray(String[]::new);
        if (nulls) {
            for (int i = 0; i < result.length; i++) {
                if (i % 9 == 4 || i >= 50 && i < 60) {
                    result[i] = null;
                }
            }
        }
        return result;
    }

    private static final int[] PAGE_ENDS = {81, 113, 143};

    @Test
    void everyPredicateKindGivesItsVerdictOnEveryRowWithAndWithoutNulls() throws IOException {
        for (boolean nulls : new boolean[] {false, true}) {
            String[] values = rows(nulls);
            Chunk chunk = chunk(values, nulls ? 1 : 0);
            for (Case test : cases()) {
                boolean[] keep = filter(chunk, test.predicate()).evaluate(chunk.bytes(), values.length);
                boolean[] expected = new boolean[values.length];
                for (int i = 0; i < values.length; i++) {
                    expected[i] = values[i] == null ? test.keepsNulls() : test.matches().test(values[i]);
                }
                assertThat(keep).as(test.predicate() + (nulls ? " with nulls" : "")).isEqualTo(expected);
            }
        }
    }

    @Test
    void aConstantOfAnotherTypeCannotBeEvaluated() throws IOException {
        String[] values = rows(false);
        Chunk chunk = chunk(values, 0);
        assertThat(filter(chunk, new ColumnPredicate.Compare("s", CompareOp.EQ, 3L)).evaluate(chunk.bytes(),
                values.length)).isNull();
        assertThat(DictionaryPredicate.of(List.of(new ColumnPredicate.IsNull("s")), DataType.INT64)).isNull();
    }

    @Test
    void aDictionaryWithAboutOneEntryPerRowIsLeftToTheRowByRowEvaluation() throws IOException {
        String[] values = rows(false);
        Chunk chunk = chunk(values, 0);
        int rows = (int) Math.ceil(DICTIONARY.size() / DictionaryChunkFilter.MAX_DICTIONARY_FRACTION) - 1;
        assertThat(filter(chunk, new ColumnPredicate.Compare("s", CompareOp.EQ, "MAIL")).evaluate(
                Arrays.copyOf(chunk.bytes(), chunk.bytes().length), values.length)).isNotNull();
        ColumnMetaData fewRows = chunk.meta().deepCopy().setNum_values(rows);
        assertThat(new DictionaryChunkFilter("test.parquet", chunk.column(), fewRows, DictionaryPredicate.of(
                List.of(new ColumnPredicate.Compare("s", CompareOp.EQ, "MAIL")), DataType.STRING))
                .evaluate(chunk.bytes(), rows)).isNull();
    }

    @Test
    void anIndexBeyondTheDictionaryIsACorruptFile() throws IOException {
        String[] values = rows(false);
        Chunk chunk = chunk(values, 0);
        byte[] bytes = chunk.bytes().clone();
        // the first data page's first RLE run (of MAIL, index 1) becomes a run of index 7
        int run = chunk.firstRunValue();
        assertThat(bytes[run]).isEqualTo((byte) 1);
        bytes[run] = 7;
        assertThatThrownBy(() -> filter(chunk, new ColumnPredicate.Compare("s", CompareOp.EQ, "MAIL"))
                .evaluate(bytes, values.length)).isInstanceOf(FloeException.class)
                .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.CORRUPT_FILE));
    }

    @Test
    void dictionaryPagesAreNotReadWhenEveryEntryGetsOneVerdictButOverflowPagesAre() throws IOException {
        String[] values = rows(false);
        Chunk chunk = chunk(values, 0);
        byte[] bytes = chunk.bytes().clone();
        bytes[chunk.firstRunValue()] = 7;
        boolean[] none = filter(chunk, new ColumnPredicate.Compare("s", CompareOp.EQ, "NOT THERE"))
                .evaluate(bytes, values.length);
        assertThat(none).as("the corrupt dictionary-encoded page is skipped").doesNotContain(true);
        boolean[] overflow = filter(chunk, new ColumnPredicate.StartsWith("s", "OVER")).evaluate(chunk.bytes(),
                values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(overflow[i]).as("row " + i).isEqualTo(values[i].startsWith("OVER"));
        }
        assertThat(overflow).contains(true);
    }

    @Test
    void theMappedDecoderFillsRunsAndLooksUpPackedIndices() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rle(out, 2, 5);
        bitPacked(out, new int[] {0, 1, 2, 3, 3, 2, 1, 0, 1}, 2);
        byte[] data = Arrays.copyOf(out.toByteArray(), out.size() + 16);
        boolean[] verdicts = {false, true, false, true};
        boolean[] result = new boolean[16];
        RleBitPackedDecoder.decodeMapped(
                new ByteReader(data, 0, out.size()), 2, 14, verdicts, result, 2);
        assertThat(result).containsExactly(false, false, false, false, false, false, false, false, true, false,
                true, true, false, true, false, true);
        boolean[] shortDictionary = {true, false, true};
        assertThatThrownBy(() -> RleBitPackedDecoder.decodeMapped(
                new ByteReader(data, 0, out.size()), 2, 14, shortDictionary, result, 2))
                .as("index 3 in a packed group").isInstanceOf(CorruptPageException.class);
    }

    @Test
    void theScanReturnsExactlyTheMatchingRowsWithTheirValues(@TempDir Path directory) {
        Schema schema = new Schema(List.of(Field.of("id", DataType.INT64), Field.of("mode", DataType.STRING),
                Field.of("comment", DataType.STRING), Field.of("k", DataType.INT32)));
        int rows = 3_000;
        List<Object> ids = new ArrayList<>();
        List<Object> modes = new ArrayList<>();
        List<Object> comments = new ArrayList<>();
        List<Object> ks = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            ks.add(k(row));
            ids.add((long) row);
            modes.add(mode(row));
            comments.add("comment " + row);
        }
        Path path = directory.resolve("modes.parquet");
        ParquetWriter.write(path, schema, List.of(new Batch(schema, List.of(Vectors.fromObjects(DataType.INT64, ids),
                Vectors.fromObjects(DataType.STRING, modes), Vectors.fromObjects(DataType.STRING, comments),
                Vectors.fromObjects(DataType.INT32, ks)), rows)),
                ParquetWriteOptions.defaults().withRowGroupSize(1_000).withPageRows(128).withDictionary(true));
        TableSource table = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET, List.of(path.toString()),
                Map.of()));
        List<ColumnPredicate> predicates = List.of(
                new ColumnPredicate.In("mode", List.of("MAIL", "SHIP")),
                new ColumnPredicate.And(List.of(new ColumnPredicate.Compare("mode", CompareOp.NOT_EQ, "AIR"),
                        new ColumnPredicate.Not(new ColumnPredicate.StartsWith("mode", "RE")),
                        new ColumnPredicate.Compare("id", CompareOp.GT_EQ, 700L))),
                new ColumnPredicate.Compare("mode", CompareOp.EQ, "NOT THERE"),
                new ColumnPredicate.And(List.of(new ColumnPredicate.Compare("mode", CompareOp.NOT_EQ, "AIR"),
                        new ColumnPredicate.In("k", List.of(7L, 1L, 5L)))),
                new ColumnPredicate.And(List.of(new ColumnPredicate.IsNotNull("mode"),
                        new ColumnPredicate.In("id", List.of(5L, 700L, 2_999L, 4_000L)))));
        List<Predicate<Integer>> matches = List.of(
                // membership keeps null rows (may match; the executor's exact filter decides)
                row -> mode(row) == null || "MAIL".equals(mode(row)) || "SHIP".equals(mode(row)),
                row -> mode(row) != null && !mode(row).equals("AIR") && !mode(row).startsWith("RE") && row >= 700,
                row -> false,
                // membership keeps null rows here too
                row -> mode(row) != null && !mode(row).equals("AIR")
                        && (k(row) == null || List.of(1, 5, 7).contains(k(row))),
                row -> mode(row) != null && List.of(5, 700, 2_999).contains(row));
        for (List<String> columns : List.of(List.of("id", "mode", "comment", "k"), List.of("id", "mode", "k"))) {
            for (int p = 0; p < predicates.size(); p++) {
                Batch batch = Fixtures.readAll(table, new ScanRequest(columns, predicates.get(p), -1, 256));
                List<Integer> returned = new ArrayList<>();
                for (int i = 0; i < batch.rowCount(); i++) {
                    int row = Math.toIntExact((Long) batch.column("id").getObject(i));
                    returned.add(row);
                    assertThat(batch.column("mode").getObject(i)).isEqualTo(mode(row));
                    assertThat(batch.column("k").getObject(i)).isEqualTo(k(row));
                    if (columns.contains("comment")) {
                        assertThat(batch.column("comment").getObject(i)).isEqualTo("comment " + row);
                    }
                }
                List<Integer> expected = new ArrayList<>();
                for (int row = 0; row < rows; row++) {
                    if (matches.get(p).test(row)) {
                        expected.add(row);
                    }
                }
                assertThat(returned).as(predicates.get(p) + " reading " + columns).isEqualTo(expected);
            }
        }
    }

    private static Integer k(int row) {
        return row % 11 == 3 ? null : row % 20;
    }

    /** Modes in runs (clustered rows) and scattered, with nulls. */
    private static String mode(int row) {
        if (row % 17 == 5) {
            return null;
        }
        return row < 1_000 ? DICTIONARY.get(row / 150 % DICTIONARY.size()) : DICTIONARY.get(row * 7 % 11 % 7);
    }

    private static DictionaryChunkFilter filter(Chunk chunk, ColumnPredicate predicate) {
        DictionaryPredicate dictionaryPredicate = DictionaryPredicate.of(List.of(predicate), DataType.STRING);
        assertThat(DictionaryChunkFilter.applies(chunk.column(), chunk.meta())).isTrue();
        return new DictionaryChunkFilter("test.parquet", chunk.column(), chunk.meta(), dictionaryPredicate);
    }

    private record Chunk(ParquetNode.Primitive column, ColumnMetaData meta, byte[] bytes, int firstRunValue) {
    }

    /** The column chunk of {@code values}: a dictionary page, two dictionary-encoded pages, one PLAIN page. */
    private static Chunk chunk(String[] values, int maxDefinition) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        ByteArrayOutputStream dictionary = new ByteArrayOutputStream();
        for (String entry : DICTIONARY) {
            plain(dictionary, entry);
        }
        PageHeader dictionaryHeader = new PageHeader(PageType.DICTIONARY_PAGE, dictionary.size(), dictionary.size());
        dictionaryHeader.setDictionary_page_header(new DictionaryPageHeader(DICTIONARY.size(), Encoding.PLAIN));
        Util.writePageHeader(dictionaryHeader, chunk);
        dictionary.writeTo(chunk);
        int firstRunValue = -1;
        int start = 0;
        for (int page = 0; page < PAGE_ENDS.length; page++) {
            String[] pageValues = Arrays.copyOfRange(values, start, PAGE_ENDS[page]);
            start = PAGE_ENDS[page];
            ByteArrayOutputStream levels = new ByteArrayOutputStream();
            List<String> present = new ArrayList<>();
            int[] definitions = new int[pageValues.length];
            for (int i = 0; i < pageValues.length; i++) {
                definitions[i] = pageValues[i] == null ? 0 : 1;
                if (pageValues[i] != null) {
                    present.add(pageValues[i]);
                }
            }
            if (maxDefinition > 0) {
                bitPacked(levels, definitions, 1);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Encoding encoding = page == 2 ? Encoding.PLAIN : Encoding.RLE_DICTIONARY;
            if (page == 2) {
                present.forEach(value -> plain(body, value));
            } else {
                body.write(WIDTH);
                int[] indices = present.stream().mapToInt(DICTIONARY::indexOf).toArray();
                if (page == 0) {
                    runsThenPacked(body, indices);
                } else {
                    bitPacked(body, indices, WIDTH);
                }
            }
            if (page == 1) {
                DataPageHeaderV2 v2 = new DataPageHeaderV2(pageValues.length, pageValues.length - present.size(),
                        pageValues.length, encoding, levels.size(), 0);
                v2.setIs_compressed(false);
                PageHeader header = new PageHeader(PageType.DATA_PAGE_V2, levels.size() + body.size(),
                        levels.size() + body.size());
                header.setData_page_header_v2(v2);
                Util.writePageHeader(header, chunk);
                levels.writeTo(chunk);
                body.writeTo(chunk);
                continue;
            }
            ByteArrayOutputStream page1 = new ByteArrayOutputStream();
            if (maxDefinition > 0) {
                int length = levels.size();
                page1.write(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16),
                        (byte) (length >>> 24)});
                levels.writeTo(page1);
            }
            int bodyStart = page1.size();
            body.writeTo(page1);
            PageHeader header = new PageHeader(PageType.DATA_PAGE, page1.size(), page1.size());
            header.setData_page_header(new DataPageHeader(pageValues.length, encoding, Encoding.RLE, Encoding.RLE));
            Util.writePageHeader(header, chunk);
            if (page == 0) {
                // after the bit width byte and the run's one-byte header
                firstRunValue = chunk.size() + bodyStart + 2;
            }
            page1.writeTo(chunk);
        }
        SchemaElement element = new SchemaElement("s");
        element.setType(Type.BYTE_ARRAY);
        ParquetNode.Primitive column = new ParquetNode.Primitive("s", DataType.STRING, element, 0, maxDefinition, 0,
                List.of("s"));
        ColumnMetaData meta = new ColumnMetaData(Type.BYTE_ARRAY, List.of(Encoding.PLAIN, Encoding.RLE_DICTIONARY,
                Encoding.RLE), List.of("s"), CompressionCodec.UNCOMPRESSED, values.length, chunk.size(), chunk.size(),
                0);
        meta.setDictionary_page_offset(0);
        byte[] bytes = Arrays.copyOf(chunk.toByteArray(), chunk.size());
        return new Chunk(column, meta, bytes, firstRunValue);
    }

    /**
     * Indices as a writer may store them: runs of 8 or more equal indices as RLE runs, the others in bit-packed
     * groups of eight (only the page's last group is padded; the page's count ends it).
     */
    private static void runsThenPacked(ByteArrayOutputStream out, int[] indices) {
        int i = 0;
        while (i < indices.length) {
            int end = i;
            while (end < indices.length && indices[end] == indices[i]) {
                end++;
            }
            if (end - i >= 8) {
                rle(out, indices[i], end - i);
                i = end;
                continue;
            }
            int packedEnd = Math.min(i + 8, indices.length);
            bitPacked(out, Arrays.copyOfRange(indices, i, packedEnd), WIDTH);
            i = packedEnd;
        }
    }

    private static void rle(ByteArrayOutputStream out, int value, int count) {
        unsignedVarInt(out, count << 1);
        out.write(value);
    }

    /** One bit-packed run of {@code values} at {@code width} bits, padded with zeros to whole groups of eight. */
    private static void bitPacked(ByteArrayOutputStream out, int[] values, int width) {
        int groups = (values.length + 7) / 8;
        unsignedVarInt(out, groups << 1 | 1);
        byte[] packed = new byte[groups * width];
        for (int i = 0; i < values.length; i++) {
            for (int b = 0; b < width; b++) {
                if ((values[i] >>> b & 1) != 0) {
                    int bit = i * width + b;
                    packed[bit >>> 3] |= (byte) (1 << (bit & 7));
                }
            }
        }
        out.writeBytes(packed);
    }

    private static void unsignedVarInt(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static void plain(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.write(bytes.length >>> 8);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 24);
        out.writeBytes(bytes);
    }
}
