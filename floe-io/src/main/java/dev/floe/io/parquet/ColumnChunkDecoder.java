package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.parquet.encoding.ByteReader;
import dev.floe.io.parquet.encoding.CorruptPageException;
import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.RleBitPackedDecoder;
import dev.floe.io.parquet.encoding.ValueBuffer;
import dev.floe.io.parquet.encoding.ValueDecoders;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/** Decodes every page of one column chunk (read with one positioned read) into a {@link ColumnData}. */
final class ColumnChunkDecoder {
    private static final int MAX_PAGE = 1 << 30;

    private final String file;
    private final ParquetNode.Primitive column;
    private final ColumnMetaData meta;
    private final int maxDefinition;
    private final int maxRepetition;
    private final PhysicalKind kind;
    private final boolean int96;
    private final int fixedLength;
    private ValueBuffer dictionary;
    private int[] definition;
    private int[] repetition;
    private int levelCount;
    private ValueBuffer values;
    private int[] indexScratch = new int[0];
    private long[] longScratch = new long[0];

    ColumnChunkDecoder(String file, ParquetNode.Primitive column, ColumnMetaData meta) {
        this.file = file;
        this.column = column;
        this.meta = meta;
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
        long totalValues = meta.getNum_values();
        if (totalValues < 0 || maxRepetition == 0 && totalValues != rows) {
            throw corrupt("the column chunk has " + totalValues + " values for " + rows + " rows", null);
        }
        int expected = (int) Math.min(totalValues, 1 << 20);
        values = new ValueBuffer(kind, expected);
        if (kind == PhysicalKind.BYTES) {
            long estimate = Math.min(meta.getTotal_uncompressed_size(), 64L << 20);
            values.ensureBytes(Math.max(0, estimate));
        }
        if (maxDefinition > 0) {
            definition = new int[Math.max(expected, 1)];
        }
        if (maxRepetition > 0) {
            repetition = new int[Math.max(expected, 1)];
        }
        ChunkStream stream = new ChunkStream(chunk);
        try {
            while (levelCount < totalValues) {
                if (stream.position >= chunk.length) {
                    throw corrupt("the column chunk ends after " + levelCount + " of " + totalValues + " values", null);
                }
                PageHeader header = Util.readPageHeader(stream);
                int compressed = header.getCompressed_page_size();
                int uncompressed = header.getUncompressed_page_size();
                if (compressed < 0 || compressed > chunk.length - stream.position || uncompressed < 0
                        || uncompressed > MAX_PAGE) {
                    throw corrupt("a page claims " + compressed + " compressed / " + uncompressed
                            + " uncompressed bytes where " + (chunk.length - stream.position) + " remain in the chunk",
                            null);
                }
                int bodyStart = stream.position;
                stream.position += compressed;
                switch (header.getType()) {
                    case DICTIONARY_PAGE -> readDictionary(header, chunk, bodyStart, compressed, uncompressed);
                    case DATA_PAGE -> readPageV1(header.getData_page_header(), chunk, bodyStart, compressed,
                            uncompressed, totalValues);
                    case DATA_PAGE_V2 -> readPageV2(header.getData_page_header_v2(), chunk, bodyStart, compressed,
                            uncompressed, totalValues);
                    case INDEX_PAGE -> {
                    }
                }
            }
        } catch (FloeException e) {
            throw e;
        } catch (CorruptPageException | ParquetCodecs.BadCompressedData | ArithmeticException
                 | IndexOutOfBoundsException e) {
            throw corrupt(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw corrupt("a page header cannot be decoded: " + e.getMessage(), e);
        }
        return new ColumnData(definition, repetition, levelCount, values);
    }

    private FloeException corrupt(String what, Throwable cause) {
        return new FloeException(ErrorCode.CORRUPT_FILE, "corrupt Parquet file " + file + ", column "
                + String.join(".", column.path()) + ": " + what, cause);
    }

    private byte[] body(byte[] chunk, int start, int compressed, int uncompressed) {
        return ParquetCodecs.decompress(meta.getCodec(), chunk, start, compressed, uncompressed);
    }

    private void readDictionary(PageHeader header, byte[] chunk, int start, int compressed, int uncompressed) {
        byte[] page = body(chunk, start, compressed, uncompressed);
        int count = header.getDictionary_page_header().getNum_values();
        int minimumWidth = kind != PhysicalKind.BYTES ? 1 : fixedLength > 0 ? fixedLength : 4;
        if (count < 0 || (long) count * minimumWidth > page.length * 8L) {
            throw corrupt("a dictionary page claims " + count + " values in " + page.length + " bytes", null);
        }
        dictionary = new ValueBuffer(kind, count);
        ValueDecoders.plain(new ByteReader(page, 0, page.length), count, dictionary, int96, fixedLength);
    }

    private void readPageV1(DataPageHeader header, byte[] chunk, int start, int compressed, int uncompressed,
            long totalValues) {
        byte[] page = body(chunk, start, compressed, uncompressed);
        int count = pageValues(header.getNum_values(), totalValues);
        ByteReader reader = new ByteReader(page, 0, page.length);
        if (maxRepetition > 0) {
            int length = reader.readIntLittleEndian();
            ByteReader section = new ByteReader(page, reader.skip(length), reader.position());
            RleBitPackedDecoder.decode(section, ByteReader.bitWidth(maxRepetition), count, repetition, levelCount,
                    maxRepetition);
        }
        if (maxDefinition > 0) {
            int length = reader.readIntLittleEndian();
            ByteReader section = new ByteReader(page, reader.skip(length), reader.position());
            RleBitPackedDecoder.decode(section, ByteReader.bitWidth(maxDefinition), count, definition, levelCount,
                    maxDefinition);
        }
        readValues(header.getEncoding(), reader, count);
    }

    private void readPageV2(DataPageHeaderV2 header, byte[] chunk, int start, int compressed, int uncompressed,
            long totalValues) {
        int count = pageValues(header.getNum_values(), totalValues);
        int repetitionLength = header.getRepetition_levels_byte_length();
        int definitionLength = header.getDefinition_levels_byte_length();
        if (repetitionLength < 0 || definitionLength < 0 || (long) repetitionLength + definitionLength > compressed) {
            throw corrupt("a v2 page's level lengths " + repetitionLength + " + " + definitionLength
                    + " exceed its " + compressed + " bytes", null);
        }
        if (maxRepetition > 0) {
            RleBitPackedDecoder.decode(new ByteReader(chunk, start, start + repetitionLength),
                    ByteReader.bitWidth(maxRepetition), count, repetition, levelCount, maxRepetition);
        }
        if (maxDefinition > 0) {
            int from = start + repetitionLength;
            RleBitPackedDecoder.decode(new ByteReader(chunk, from, from + definitionLength),
                    ByteReader.bitWidth(maxDefinition), count, definition, levelCount, maxDefinition);
        }
        int levels = repetitionLength + definitionLength;
        byte[] page;
        int valuesStart;
        if (!header.isSetIs_compressed() || header.isIs_compressed()) {
            page = ParquetCodecs.decompress(meta.getCodec(), chunk, start + levels, compressed - levels,
                    uncompressed - levels);
            valuesStart = 0;
        } else {
            page = chunk;
            valuesStart = start + levels;
        }
        int end = page == chunk ? start + compressed : page.length;
        readValues(header.getEncoding(), new ByteReader(page, valuesStart, end), count);
    }

    /** Checks a page's value count and makes room for its levels. */
    private int pageValues(int count, long totalValues) {
        if (count < 0 || count > totalValues - levelCount) {
            throw corrupt("a page claims " + count + " values where " + (totalValues - levelCount) + " remain", null);
        }
        int needed = levelCount + count;
        if (definition != null && definition.length < needed) {
            definition = Arrays.copyOf(definition, Math.max(needed, definition.length * 2));
        }
        if (repetition != null && repetition.length < needed) {
            repetition = Arrays.copyOf(repetition, Math.max(needed, repetition.length * 2));
        }
        return count;
    }

    private void readValues(Encoding encoding, ByteReader reader, int count) {
        int present = count;
        if (maxDefinition > 0) {
            present = 0;
            int[] levels = definition;
            for (int i = levelCount; i < levelCount + count; i++) {
                if (levels[i] == maxDefinition) {
                    present++;
                }
            }
        }
        levelCount += count;
        if (present == 0) {
            return;
        }
        switch (encoding) {
            case PLAIN -> ValueDecoders.plain(reader, present, values, int96, fixedLength);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> ValueDecoders.dictionary(reader, present, dictionary, values,
                    indexScratch(present));
            case RLE -> {
                if (kind != PhysicalKind.BOOLEAN) {
                    throw corrupt("RLE value encoding for a " + column.element().getType() + " column", null);
                }
                ValueDecoders.rleBooleans(reader, present, values, indexScratch(present));
            }
            case DELTA_BINARY_PACKED -> ValueDecoders.deltaBinaryPacked(reader, present, values, longScratch(present));
            case DELTA_LENGTH_BYTE_ARRAY -> ValueDecoders.deltaLengthByteArray(reader, present, values,
                    longScratch(present));
            case DELTA_BYTE_ARRAY -> ValueDecoders.deltaByteArray(reader, present, values, longScratch(present));
            case BYTE_STREAM_SPLIT -> ValueDecoders.byteStreamSplit(reader, present, values, byteWidth());
            case BIT_PACKED -> throw corrupt("the deprecated BIT_PACKED encoding is not supported for values", null);
        }
    }

    private int byteWidth() {
        return switch (column.element().getType()) {
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            case FIXED_LEN_BYTE_ARRAY -> fixedLength;
            default -> throw corrupt("BYTE_STREAM_SPLIT for a " + column.element().getType() + " column", null);
        };
    }

    private int[] indexScratch(int count) {
        if (indexScratch.length < count) {
            indexScratch = new int[count];
        }
        return indexScratch;
    }

    private long[] longScratch(int count) {
        if (longScratch.length < count) {
            longScratch = new long[count];
        }
        return longScratch;
    }

    /** An input stream over the chunk that exposes its position (page headers are read from it). */
    private static final class ChunkStream extends InputStream {
        private final byte[] bytes;
        private int position;

        ChunkStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int count = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
