package dev.floe.io.parquet;

import dev.floe.core.FloeException;
import dev.floe.io.parquet.encoding.ByteReader;
import dev.floe.io.parquet.encoding.CorruptPageException;
import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.RleBitPackedDecoder;
import dev.floe.io.parquet.encoding.ValueBuffer;
import dev.floe.io.parquet.encoding.ValueDecoders;
import java.io.IOException;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Type;

/**
 * Evaluates a {@link DictionaryPredicate} on the rows of one flat string column chunk without building their
 * strings: the dictionary's entries are tested once each, then each dictionary-encoded page's indices are mapped to
 * those verdicts (an RLE run at once, bit-packed indices eight by eight) and null rows get the predicate's verdict
 * for null; when all entries (and nulls) get one verdict, dictionary-encoded pages are not even decompressed.
 * Pages written PLAIN (or in another value encoding) after the writer's dictionary overflowed are decoded into the
 * thread's page buffers and their values tested directly.
 */
final class DictionaryChunkFilter {
    /**
     * A dictionary pays when it has at most this fraction of the chunk's rows: with (nearly) one entry per row
     * (comments, names) testing entries costs what testing rows does, and a regex is slower on Java strings than the
     * executor's search on bytes; such chunks are left to the row-by-row evaluation.
     */
    static final double MAX_DICTIONARY_FRACTION = 0.25;

    private final ParquetNode.Primitive column;
    private final ColumnMetaData meta;
    private final DictionaryPredicate predicate;
    private final int maxDefinition;
    private final DecodeScratch scratch = DecodeScratch.current();
    private final ChunkPages pages;
    /** The verdict per dictionary index, once the dictionary page has been read. */
    private boolean[] dictionaryVerdicts;
    /** 1 when every dictionary entry matches, 0 when none does, -1 otherwise (or before the dictionary). */
    private int uniformVerdict = -1;

    DictionaryChunkFilter(String file, ParquetNode.Primitive column, ColumnMetaData meta,
            DictionaryPredicate predicate) {
        this.column = column;
        this.meta = meta;
        this.pages = new ChunkPages(file, column, meta, scratch);
        this.predicate = predicate;
        this.maxDefinition = column.presentLevel();
    }

    /**
     * Whether this filter applies to the chunk: a flat BYTE_ARRAY column whose chunk starts with a dictionary page.
     */
    static boolean applies(ParquetNode.Primitive column, ColumnMetaData meta) {
        return column.repetitionLevel() == 0 && column.element().getType() == Type.BYTE_ARRAY
                && (meta.isSetDictionary_page_offset() || meta.getEncodings().contains(Encoding.RLE_DICTIONARY)
                        || meta.getEncodings().contains(Encoding.PLAIN_DICTIONARY));
    }

    /**
     * The verdict for each of the chunk's {@code rows} rows ({@code chunk} holds its bytes), or null when the
     * predicate cannot be evaluated on this column's values or the dictionary is too large to pay.
     */
    boolean[] evaluate(byte[] chunk, int rows) {
        long totalValues = meta.getNum_values();
        if (totalValues != rows) {
            throw pages.corrupt("the column chunk has " + totalValues + " values for " + rows + " rows", null);
        }
        boolean[] keep = new boolean[rows];
        int consumed = 0;
        ChunkStream stream = new ChunkStream(chunk);
        try {
            while (consumed < rows) {
                PageHeader header = stream.nextPage(consumed, rows);
                int compressed = header.getCompressed_page_size();
                int uncompressed = header.getUncompressed_page_size();
                int start = stream.pageStart();
                switch (header.getType()) {
                    case DICTIONARY_PAGE -> {
                        if (header.getDictionary_page_header().getNum_values() > rows * MAX_DICTIONARY_FRACTION
                                || !dictionary(header, chunk, start)) {
                            return null;
                        }
                    }
                    case DATA_PAGE -> {
                        int count = pageCount(header.getData_page_header().getNum_values(), rows - consumed);
                        if (uniform(header.getData_page_header().getEncoding(), keep, consumed, count)) {
                            consumed += count;
                            continue;
                        }
                        ByteReader body = pages.body(chunk, start, compressed, uncompressed);
                        ByteReader levels = null;
                        if (maxDefinition > 0) {
                            int length = body.readIntLittleEndian();
                            int from = body.skip(length);
                            levels = new ByteReader(body.data(), from, body.position());
                        }
                        if (!page(header.getData_page_header().getEncoding(), levels, body, count, keep, consumed)) {
                            return null;
                        }
                        consumed += count;
                    }
                    case DATA_PAGE_V2 -> {
                        DataPageHeaderV2 v2 = header.getData_page_header_v2();
                        int count = pageCount(v2.getNum_values(), rows - consumed);
                        if (uniform(v2.getEncoding(), keep, consumed, count)) {
                            consumed += count;
                            continue;
                        }
                        if (!pageV2(v2, chunk, start, compressed, uncompressed, count, keep, consumed)) {
                            return null;
                        }
                        consumed += count;
                    }
                    case INDEX_PAGE -> {
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw pages.failure(e);
        }
        return keep;
    }

    /**
     * Fills the verdicts of a dictionary-encoded page without reading it when every row gets the same one: every
     * dictionary entry has it and, for a nullable column, so do nulls.
     */
    private boolean uniform(Encoding encoding, boolean[] keep, int rowBase, int count) {
        if (uniformVerdict < 0 || encoding != Encoding.RLE_DICTIONARY && encoding != Encoding.PLAIN_DICTIONARY) {
            return false;
        }
        boolean verdict = uniformVerdict == 1;
        if (maxDefinition > 0 && predicate.nulls() != verdict) {
            return false;
        }
        java.util.Arrays.fill(keep, rowBase, rowBase + count, verdict);
        return true;
    }

    private int pageCount(int count, int remaining) {
        if (count < 0 || count > remaining) {
            throw pages.corrupt("a page claims " + count + " values where " + remaining + " remain", null);
        }
        return count;
    }

    private boolean pageV2(DataPageHeaderV2 header, byte[] chunk, int start, int compressed, int uncompressed,
            int count, boolean[] keep, int rowBase) {
        int repetitionLength = header.getRepetition_levels_byte_length();
        int definitionLength = header.getDefinition_levels_byte_length();
        if (repetitionLength < 0 || definitionLength < 0 || (long) repetitionLength + definitionLength > compressed) {
            throw pages.corrupt("a v2 page's level lengths " + repetitionLength + " + " + definitionLength
                    + " exceed its " + compressed + " bytes", null);
        }
        ByteReader levels = null;
        if (maxDefinition > 0) {
            int from = start + repetitionLength;
            levels = new ByteReader(chunk, from, from + definitionLength);
        }
        int skipped = repetitionLength + definitionLength;
        ByteReader body;
        if (!header.isSetIs_compressed() || header.isIs_compressed()) {
            body = pages.body(chunk, start + skipped, compressed - skipped, uncompressed - skipped);
        } else {
            body = new ByteReader(chunk, start + skipped, start + compressed);
        }
        return page(header.getEncoding(), levels, body, count, keep, rowBase);
    }

    /** Reads and tests the dictionary; false when the predicate does not evaluate on this column's values. */
    private boolean dictionary(PageHeader header, byte[] chunk, int start) {
        ByteReader page = pages.body(chunk, start, header.getCompressed_page_size(),
                header.getUncompressed_page_size());
        int count = header.getDictionary_page_header().getNum_values();
        if (count < 0 || (long) count * 4 > page.remaining()) {
            throw pages.corrupt("a dictionary page claims " + count + " values in " + page.remaining() + " bytes",
                    null);
        }
        ValueBuffer entries = new ValueBuffer(PhysicalKind.BYTES, count);
        ValueDecoders.plain(page, count, entries, false, -1);
        dictionaryVerdicts = predicate.test(entries);
        if (dictionaryVerdicts == null) {
            return false;
        }
        int matching = 0;
        for (boolean verdict : dictionaryVerdicts) {
            matching += verdict ? 1 : 0;
        }
        uniformVerdict = count == 0 ? -1 : matching == 0 ? 0 : matching == count ? 1 : -1;
        return true;
    }

    /**
     * Writes the verdicts of one data page's {@code count} rows into {@code keep[rowBase..]}; {@code levels} are its
     * definition levels (null for a required column). False when its values cannot be tested.
     */
    private boolean page(Encoding encoding, ByteReader levels, ByteReader values, int count, boolean[] keep,
            int rowBase) {
        int[] definitions = null;
        int present = count;
        if (levels != null) {
            int bitWidth = ByteReader.bitWidth(maxDefinition);
            if (!RleBitPackedDecoder.startsWithRun(levels, bitWidth, count, maxDefinition)) {
                definitions = scratch.levels(count);
                RleBitPackedDecoder.decode(levels, bitWidth, count, definitions, 0, maxDefinition);
                present = 0;
                for (int i = 0; i < count; i++) {
                    present += definitions[i] == maxDefinition ? 1 : 0;
                }
            }
        }
        // verdicts of the present values: in place when every row is present, else in scratch then spread out
        boolean[] verdicts = definitions == null ? keep : scratch.verdicts(present);
        int offset = definitions == null ? rowBase : 0;
        if (present > 0) {
            boolean dictionaryEncoded = encoding == Encoding.RLE_DICTIONARY || encoding == Encoding.PLAIN_DICTIONARY;
            if (dictionaryEncoded) {
                if (dictionaryVerdicts == null) {
                    throw new CorruptPageException("a dictionary-encoded page comes without a dictionary page");
                }
                int bitWidth = values.readByte();
                RleBitPackedDecoder.decodeMapped(values, bitWidth, present, dictionaryVerdicts, verdicts, offset);
            } else {
                boolean[] tested = plainValues(encoding, values, present);
                if (tested == null) {
                    return false;
                }
                System.arraycopy(tested, 0, verdicts, offset, present);
            }
        }
        if (definitions != null) {
            boolean nulls = predicate.nulls();
            int value = 0;
            for (int i = 0; i < count; i++) {
                boolean isPresent = definitions[i] == maxDefinition;
                keep[rowBase + i] = isPresent ? verdicts[value] : nulls;
                value += isPresent ? 1 : 0;
            }
        }
        return true;
    }

    /** The verdicts of a page's values stored without the dictionary (it overflowed), or null. */
    private boolean[] plainValues(Encoding encoding, ByteReader reader, int present) {
        ValueBuffer values = scratch.pageValues(PhysicalKind.BYTES);
        switch (encoding) {
            case PLAIN -> ValueDecoders.plain(reader, present, values, false, -1);
            case DELTA_LENGTH_BYTE_ARRAY -> ValueDecoders.deltaLengthByteArray(reader, present, values,
                    scratch.longs(present));
            case DELTA_BYTE_ARRAY -> ValueDecoders.deltaByteArray(reader, present, values, scratch.longs(present));
            case PLAIN_DICTIONARY, RLE_DICTIONARY, RLE, BIT_PACKED, DELTA_BINARY_PACKED, BYTE_STREAM_SPLIT ->
                    throw pages.corrupt("the value encoding " + encoding + " for a BYTE_ARRAY column", null);
        }
        return predicate.test(values);
    }

}
