package dev.floe.io.parquet.write;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import dev.floe.io.parquet.ParquetCodecs;
import dev.floe.io.parquet.encoding.ByteReader;
import dev.floe.io.parquet.encoding.PhysicalKind;
import dev.floe.io.parquet.encoding.ValueBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;

/** Writes one flat column of a row group: an optional dictionary page, then v1 data pages, and its metadata. */
final class ColumnChunkWriter {
    private ColumnChunkWriter() {
    }

    /** Writes the chunk at {@code position} of {@code out} and returns its metadata. */
    static ColumnChunk write(Vector vector, SchemaElement element, ParquetWriteOptions options, OutputStream out,
            long position) throws IOException {
        DenseColumn column = DenseColumn.of(vector);
        ValueBuffer values = column.values();
        CompressionCodec codec = options.compression().codec();
        int fixedLength = element.getType() == Type.FIXED_LEN_BYTE_ARRAY ? element.getType_length() : -1;
        Dictionary dictionary = options.dictionary() && !(vector.type() instanceof DataType.NullType)
                ? Dictionary.build(values, options.dictionaryMaxEntries(), options.dictionaryMaxBytes()) : null;
        long start = position;
        long written = 0;
        long uncompressedTotal = 0;
        Long dictionaryOffset = null;
        List<Encoding> encodings = new ArrayList<>();
        encodings.add(Encoding.RLE);
        ByteSink page = new ByteSink(1024);
        if (dictionary != null) {
            PlainEncoder.encode(dictionary.entries(), 0, dictionary.entries().count, fixedLength, page);
            PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, page.size(), 0);
            header.setDictionary_page_header(new DictionaryPageHeader(dictionary.entries().count, Encoding.PLAIN));
            dictionaryOffset = start;
            long[] sizes = writePage(header, page, codec, options.compressionLevel(), out);
            written += sizes[0];
            uncompressedTotal += sizes[1];
            encodings.add(Encoding.PLAIN);
            encodings.add(Encoding.RLE_DICTIONARY);
        }
        boolean delta = dictionary == null && (values.kind == PhysicalKind.INT32 || values.kind == PhysicalKind.INT64)
                && !(vector.type() instanceof DataType.NullType);
        Encoding valueEncoding = dictionary != null ? Encoding.RLE_DICTIONARY
                : delta ? Encoding.DELTA_BINARY_PACKED : Encoding.PLAIN;
        if (dictionary == null) {
            encodings.add(valueEncoding);
        }
        long dataOffset = start + written;
        int[] definition = column.definition();
        int rows = column.rows();
        int bitWidth = dictionary == null ? 0 : Math.max(1, ByteReader.bitWidth(dictionary.entries().count - 1));
        int valueIndex = 0;
        for (int from = 0; from < rows || from == 0; from += options.pageRows()) {
            int to = Math.min(rows, from + options.pageRows());
            page.reset();
            page.writeIntLittleEndian(0);
            RleEncoder.encode(definition, from, to, 1, page);
            page.setIntLittleEndian(0, page.size() - 4);
            int present = 0;
            for (int i = from; i < to; i++) {
                present += definition[i];
            }
            if (dictionary != null) {
                page.write(bitWidth);
                RleEncoder.encode(dictionary.indices(), valueIndex, valueIndex + present, bitWidth, page);
            } else if (delta) {
                DeltaBinaryPackedEncoder.encode(values, valueIndex, valueIndex + present, page);
            } else {
                PlainEncoder.encode(values, valueIndex, valueIndex + present, fixedLength, page);
            }
            valueIndex += present;
            PageHeader header = new PageHeader(PageType.DATA_PAGE, page.size(), 0);
            header.setData_page_header(new DataPageHeader(to - from, valueEncoding, Encoding.RLE, Encoding.RLE));
            long[] sizes = writePage(header, page, codec, options.compressionLevel(), out);
            written += sizes[0];
            uncompressedTotal += sizes[1];
            if (rows == 0) {
                break;
            }
        }
        ColumnMetaData meta = new ColumnMetaData(element.getType(), encodings, List.of(element.getName()), codec,
                rows, uncompressedTotal, written, dataOffset);
        if (dictionaryOffset != null) {
            meta.setDictionary_page_offset(dictionaryOffset);
        }
        if (options.statistics()) {
            boolean signedBytes = element.getType() == Type.FIXED_LEN_BYTE_ARRAY;
            meta.setStatistics(ChunkStatistics.of(values, rows - values.count, column.unsigned(), signedBytes));
        }
        ColumnChunk chunk = new ColumnChunk(start);
        chunk.setMeta_data(meta);
        return chunk;
    }

    /** Compresses and writes one page; returns {bytes written, uncompressed bytes incl. header}. */
    private static long[] writePage(PageHeader header, ByteSink page, CompressionCodec codec, int level,
            OutputStream out) throws IOException {
        byte[] compressed = ParquetCodecs.compress(codec, page.array(), page.size(), level);
        header.setCompressed_page_size(compressed.length);
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream(64);
        Util.writePageHeader(header, headerBytes);
        headerBytes.writeTo(out);
        out.write(compressed);
        return new long[] {headerBytes.size() + (long) compressed.length, headerBytes.size() + (long) page.size()};
    }

    static FloeException failure(String path, Exception e) {
        return new FloeException(ErrorCode.IO_ERROR, "cannot write " + path + ": " + e.getMessage(), e);
    }
}
