package dev.floe.io.parquet;

import dev.floe.core.FloeException;
import dev.floe.io.parquet.encoding.ByteReader;
import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.RleBitPackedDecoder;
import dev.floe.io.parquet.encoding.ValueBuffer;
import dev.floe.io.parquet.encoding.ValueDecoders;
import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;

/**
 * Decodes the pages of one column chunk (read with one positioned read) into a {@link ColumnData}: all rows, or
 * with a {@link RowSelection} (flat columns only) just the selected rows, skipping pages without any (their bytes
 * are not even decompressed). One decoder per chunk; buffers come from the thread's {@link DecodeScratch}.
 */
final class ColumnChunkDecoder {

    private final ParquetNode.Primitive column;
    private final ColumnMetaData meta;
    private final int maxDefinition;
    private final int maxRepetition;
    private final PhysicalKind kind;
    private final boolean int96;
    private final int fixedLength;
    private final DecodeScratch scratch = DecodeScratch.current();
    private final ChunkPages pages;
    private ValueBuffer dictionary;
    /** Where the dictionary page is, decoded when a data page first needs it. */
    private PageHeader dictionaryHeader;
    private byte[] dictionaryChunk;
    private int dictionaryStart;
    /** Definition levels; null while every level so far is the maximum (materialized at the first null). */
    private int[] definition;
    private int[] repetition;
    private int levelCount;
    private ValueBuffer values;
    /** Level entries of the chunk consumed so far (differs from levelCount when rows are selected). */
    private long consumed;
    private boolean pageLocal;
    private RowSelection selection;
    private int selectionCursor;
    /** While a page is decoded for its selected rows: they are {@code selection[selectedFirst..selectedEnd)}. */
    private int selectedFirst;
    private int selectedEnd;
    /** Whether the page-local values hold only the selected rows' values (read where they are). */
    private boolean pageValuesSelected;

    ColumnChunkDecoder(String file, ParquetNode.Primitive column, ColumnMetaData meta) {
        this.column = column;
        this.meta = meta;
        this.pages = new ChunkPages(file, column, meta, scratch);
        this.maxDefinition = column.presentLevel();
        this.maxRepetition = column.repetitionLevel();
        SchemaElement element = column.element();
        this.kind = kindOf(element.getType());
        this.int96 = element.getType() == Type.INT96;
        this.fixedLength = element.getType() == Type.FIXED_LEN_BYTE_ARRAY ? element.getType_length()
                : element.getType() == Type.INT96 ? 12 : -1;
    }

    static PhysicalKind kindOf(Type type) {
        return switch (type) {
            case BOOLEAN -> PhysicalKind.BOOLEAN;
            case INT32 -> PhysicalKind.INT32;
            case INT64, INT96 -> PhysicalKind.INT64;
            case FLOAT -> PhysicalKind.FLOAT;
            case DOUBLE -> PhysicalKind.DOUBLE;
            case BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY -> PhysicalKind.BYTES;
        };
    }

    /** Decodes the chunk's pages from {@code chunk} (the chunk's bytes) for a row group of {@code rows} rows. */
    ColumnData decode(byte[] chunk, long rows) {
        return decode(chunk, rows, null);
    }

    /**
     * Decodes the rows of {@code selection} only (all rows when it is null); a selection needs a column without
     * repetition, whose level entries are its rows.
     */
    ColumnData decode(byte[] chunk, long rows, RowSelection rowSelection) {
        long totalValues = meta.getNum_values();
        if (totalValues < 0 || maxRepetition == 0 && totalValues != rows) {
            throw pages.corrupt("the column chunk has " + totalValues + " values for " + rows + " rows", null);
        }
        if (rowSelection != null && maxRepetition > 0) {
            throw FloeException.internal("row selection on the repeated column " + column.name());
        }
        selection = rowSelection;
        long outputValues = selection == null ? totalValues : selection.count();
        int expected = (int) Math.min(outputValues, 1 << 20);
        values = new ValueBuffer(kind, expected);
        if (kind == PhysicalKind.BYTES && selection == null) {
            long estimate = Math.min(meta.getTotal_uncompressed_size(), 64L << 20);
            values.ensureBytes(Math.max(0, estimate));
        }
        if (maxRepetition > 0) {
            repetition = new int[Math.max(expected, 1)];
        }
        ChunkStream stream = new ChunkStream(chunk);
        try {
            while (consumed < totalValues) {
                PageHeader header = stream.nextPage(consumed, totalValues);
                int compressed = header.getCompressed_page_size();
                int uncompressed = header.getUncompressed_page_size();
                int bodyStart = stream.pageStart();
                switch (header.getType()) {
                    case DICTIONARY_PAGE -> {
                        dictionaryHeader = header;
                        dictionaryChunk = chunk;
                        dictionaryStart = bodyStart;
                    }
                    case DATA_PAGE -> dataPage(header, header.getData_page_header().getNum_values(), chunk, bodyStart,
                            totalValues);
                    case DATA_PAGE_V2 -> dataPage(header, header.getData_page_header_v2().getNum_values(), chunk,
                            bodyStart, totalValues);
                    case INDEX_PAGE -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw pages.failure(e);
        }
        if (maxDefinition > 0 && definition == null && (maxRepetition > 0 || column.path().size() > 1)) {
            definition = new int[Math.max(levelCount, 1)];
            Arrays.fill(definition, 0, levelCount, maxDefinition);
        }
        return new ColumnData(definition, repetition, levelCount, values);
    }

    private void loadDictionary() {
        if (dictionary == null && dictionaryHeader != null) {
            PageHeader header = dictionaryHeader;
            ByteReader page = pages.body(dictionaryChunk, dictionaryStart, header.getCompressed_page_size(),
                    header.getUncompressed_page_size());
            int count = header.getDictionary_page_header().getNum_values();
            int minimumWidth = kind != PhysicalKind.BYTES ? 1 : fixedLength > 0 ? fixedLength : 4;
            if (count < 0 || (long) count * minimumWidth > page.remaining() * 8L) {
                throw pages.corrupt("a dictionary page claims " + count + " values in " + page.remaining() + " bytes",
                        null);
            }
            dictionary = new ValueBuffer(kind, count);
            ValueDecoders.plain(page, count, dictionary, int96, fixedLength);
            if (kind == PhysicalKind.BYTES) {
                dictionary.ensureBytes(DecodeScratch.SLACK);
            }
        }
    }

    /** One data page of {@code count} level entries: decoded, decoded for its selected rows, or skipped. */
    private void dataPage(PageHeader header, int count, byte[] chunk, int start, long totalValues) {
        if (count < 0 || count > totalValues - consumed) {
            throw pages.corrupt("a page claims " + count + " values where " + (totalValues - consumed) + " remain",
                    null);
        }
        if (selection == null) {
            ensureLevels(levelCount + count);
            decodePage(header, chunk, start, count);
            consumed += count;
            return;
        }
        int first = selectionCursor;
        int end = first;
        int[] rows = selection.rows();
        while (end < selection.count() && rows[end] < consumed + count) {
            end++;
        }
        if (end > first) {
            decodeSelected(header, chunk, start, count, first, end);
        }
        selectionCursor = end;
        consumed += count;
    }

    private void decodePage(PageHeader header, byte[] chunk, int start, int count) {
        int compressed = header.getCompressed_page_size();
        int uncompressed = header.getUncompressed_page_size();
        // before the data page's bytes take the thread's page buffer
        loadDictionary();
        if (header.getType() == PageType.DATA_PAGE) {
            readPageV1(header.getData_page_header(), chunk, start, compressed, uncompressed, count);
        } else {
            readPageV2(header.getData_page_header_v2(), chunk, start, compressed, uncompressed, count);
        }
    }

    /** Decodes the page into the thread's page buffers, then appends the rows {@code selection[first..end)}. */
    private void decodeSelected(PageHeader header, byte[] chunk, int start, int count, int first, int end) {
        ValueBuffer output = values;
        int[] outputDefinition = definition;
        int outputLevels = levelCount;
        values = scratch.pageValues(kind);
        definition = null;
        levelCount = 0;
        pageLocal = true;
        selectedFirst = first;
        selectedEnd = end;
        pageValuesSelected = false;
        try {
            decodePage(header, chunk, start, count);
        } finally {
            pageLocal = false;
        }
        ValueBuffer pageValues = values;
        int[] pageDefinition = definition;
        values = output;
        definition = outputDefinition;
        levelCount = outputLevels;
        int selected = end - first;
        ensureLevels(levelCount + selected);
        int[] take = scratch.indices(selected);
        int[] rows = selection.rows();
        long pageStart = consumed;
        int taken = 0;
        if (pageDefinition == null) {
            for (int k = first; k < end; k++) {
                take[taken] = pageValuesSelected ? taken : (int) (rows[k] - pageStart);
                taken++;
            }
            if (definition != null) {
                Arrays.fill(definition, levelCount, levelCount + selected, maxDefinition);
            }
        } else {
            materializeDefinitions(levelCount + selected);
            int valueIndex = 0;
            int local = 0;
            for (int k = first; k < end; k++) {
                int row = (int) (rows[k] - pageStart);
                for (; local < row; local++) {
                    valueIndex += pageDefinition[local] == maxDefinition ? 1 : 0;
                }
                int level = pageDefinition[row];
                definition[levelCount + k - first] = level;
                if (level == maxDefinition) {
                    take[taken] = pageValuesSelected ? taken : valueIndex;
                    taken++;
                }
            }
        }
        values.gather(pageValues, take, taken);
        levelCount += selected;
    }

    /** Makes room for {@code needed} level entries. */
    private void ensureLevels(int needed) {
        if (definition != null && definition.length < needed) {
            definition = Arrays.copyOf(definition, Math.max(needed, definition.length * 2));
        }
        if (repetition != null && repetition.length < needed) {
            repetition = Arrays.copyOf(repetition, Math.max(needed, repetition.length * 2));
        }
    }

    /** Switches to explicit definition levels, the ones so far all at the maximum. */
    private void materializeDefinitions(int needed) {
        if (definition != null) {
            ensureLevels(needed);
            return;
        }
        int size = Math.max(needed, levelCount);
        definition = pageLocal ? scratch.levels(size) : new int[Math.max(size, 1)];
        Arrays.fill(definition, 0, levelCount, maxDefinition);
    }

    private void readPageV1(DataPageHeader header, byte[] chunk, int start, int compressed, int uncompressed,
            int count) {
        ByteReader reader = pages.body(chunk, start, compressed, uncompressed);
        if (maxRepetition > 0) {
            int length = reader.readIntLittleEndian();
            ByteReader section = new ByteReader(reader.data(), reader.skip(length), reader.position());
            RleBitPackedDecoder.decode(section, ByteReader.bitWidth(maxRepetition), count, repetition, levelCount,
                    maxRepetition);
        }
        int present = count;
        if (maxDefinition > 0) {
            int length = reader.readIntLittleEndian();
            int from = reader.skip(length);
            present = definitionLevels(new ByteReader(reader.data(), from, reader.position()), count);
        }
        readValues(header.getEncoding(), reader, count, present);
    }

    private void readPageV2(DataPageHeaderV2 header, byte[] chunk, int start, int compressed, int uncompressed,
            int count) {
        int repetitionLength = header.getRepetition_levels_byte_length();
        int definitionLength = header.getDefinition_levels_byte_length();
        if (repetitionLength < 0 || definitionLength < 0 || (long) repetitionLength + definitionLength > compressed) {
            throw pages.corrupt("a v2 page's level lengths " + repetitionLength + " + " + definitionLength
                    + " exceed its " + compressed + " bytes", null);
        }
        if (maxRepetition > 0) {
            RleBitPackedDecoder.decode(new ByteReader(chunk, start, start + repetitionLength),
                    ByteReader.bitWidth(maxRepetition), count, repetition, levelCount, maxRepetition);
        }
        int present = count;
        if (maxDefinition > 0) {
            int from = start + repetitionLength;
            present = definitionLevels(new ByteReader(chunk, from, from + definitionLength), count);
        }
        int levels = repetitionLength + definitionLength;
        ByteReader reader;
        if (!header.isSetIs_compressed() || header.isIs_compressed()) {
            reader = pages.body(chunk, start + levels, compressed - levels, uncompressed - levels);
        } else {
            reader = new ByteReader(chunk, start + levels, start + compressed);
        }
        readValues(header.getEncoding(), reader, count, present);
    }

    /**
     * Decodes a page's definition levels and returns how many values are present. A page whose levels are one
     * run of the maximum (no nulls, the common case) writes no levels while none have been materialized.
     */
    private int definitionLevels(ByteReader section, int count) {
        int bitWidth = ByteReader.bitWidth(maxDefinition);
        if (RleBitPackedDecoder.startsWithRun(section, bitWidth, count, maxDefinition)) {
            if (definition != null) {
                Arrays.fill(definition, levelCount, levelCount + count, maxDefinition);
            }
            return count;
        }
        materializeDefinitions(levelCount + count);
        RleBitPackedDecoder.decode(section, bitWidth, count, definition, levelCount, maxDefinition);
        int present = 0;
        int[] levels = definition;
        for (int i = levelCount; i < levelCount + count; i++) {
            present += levels[i] == maxDefinition ? 1 : 0;
        }
        return present;
    }

    private void readValues(Encoding encoding, ByteReader reader, int count, int present) {
        levelCount += count;
        if (present == 0) {
            return;
        }
        boolean dictionaryEncoded = encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY;
        if (pageLocal && (dictionaryEncoded
                || encoding == Encoding.PLAIN && ValueDecoders.plainAtSupports(kind, int96))) {
            int[] positions = scratch.positions(selectedEnd - selectedFirst);
            int wanted = selectedValuePositions(count, positions);
            if (dictionaryEncoded) {
                ValueDecoders.dictionaryAt(reader, present, dictionary, values, positions, wanted,
                        scratch.indices(wanted));
            } else {
                ValueDecoders.plainAt(reader, present, positions, wanted, values);
            }
            pageValuesSelected = true;
            return;
        }
        switch (encoding) {
            case PLAIN -> ValueDecoders.plain(reader, present, values, int96, fixedLength);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> ValueDecoders.dictionary(reader, present, dictionary, values,
                    scratch.indices(present));
            case RLE -> {
                if (kind != PhysicalKind.BOOLEAN) {
                    throw pages.corrupt("RLE value encoding for a " + column.element().getType() + " column", null);
                }
                ValueDecoders.rleBooleans(reader, present, values, scratch.indices(present));
            }
            case DELTA_BINARY_PACKED -> ValueDecoders.deltaBinaryPacked(reader, present, values,
                    scratch.longs(present));
            case DELTA_LENGTH_BYTE_ARRAY -> ValueDecoders.deltaLengthByteArray(reader, present, values,
                    scratch.longs(present));
            case DELTA_BYTE_ARRAY -> ValueDecoders.deltaByteArray(reader, present, values, scratch.longs(present));
            case BYTE_STREAM_SPLIT -> ValueDecoders.byteStreamSplit(reader, present, values, byteWidth());
            case BIT_PACKED -> throw pages.corrupt("the deprecated BIT_PACKED encoding is not supported for values",
                    null);
        }
    }

    /** The value indices (among the page's present values) of the selected rows that are not null. */
    private int selectedValuePositions(int count, int[] positions) {
        int[] rows = selection.rows();
        long pageStart = consumed;
        int wanted = 0;
        if (definition == null) {
            for (int k = selectedFirst; k < selectedEnd; k++) {
                positions[wanted++] = (int) (rows[k] - pageStart);
            }
            return wanted;
        }
        int valueIndex = 0;
        int local = 0;
        for (int k = selectedFirst; k < selectedEnd; k++) {
            int row = (int) (rows[k] - pageStart);
            for (; local < row; local++) {
                valueIndex += definition[local] == maxDefinition ? 1 : 0;
            }
            if (definition[row] == maxDefinition) {
                positions[wanted++] = valueIndex;
            }
        }
        return wanted;
    }

    private int byteWidth() {
        return switch (column.element().getType()) {
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            case FIXED_LEN_BYTE_ARRAY -> fixedLength;
            case BOOLEAN, INT96, BYTE_ARRAY -> throw pages.corrupt("BYTE_STREAM_SPLIT for a "
                    + column.element().getType() + " column", null);
        };
    }
}
