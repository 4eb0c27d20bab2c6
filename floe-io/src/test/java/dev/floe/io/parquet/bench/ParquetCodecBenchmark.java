package dev.floe.io.parquet.bench;

import dev.floe.io.parquet.ParquetMetadata;
import io.airlift.compress.v3.Compressor;
import io.airlift.compress.v3.Decompressor;
import io.airlift.compress.v3.lz4.Lz4JavaCompressor;
import io.airlift.compress.v3.lz4.Lz4JavaDecompressor;
import io.airlift.compress.v3.lz4.Lz4NativeDecompressor;
import io.airlift.compress.v3.snappy.SnappyJavaCompressor;
import io.airlift.compress.v3.snappy.SnappyJavaDecompressor;
import io.airlift.compress.v3.snappy.SnappyNativeDecompressor;
import io.airlift.compress.v3.zstd.ZstdJavaDecompressor;
import io.airlift.compress.v3.zstd.ZstdNativeDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * A codec benchmark (not a test): collects every compressed page of a Parquet file's column chunks and
 * decompresses them all with aircompressor's pure-Java and native zstd, single-threaded.
 * Usage: {@code ParquetCodecBenchmark FILE [REPEATS]}.
 */
public final class ParquetCodecBenchmark {
    private record Page(byte[] bytes, int uncompressed) {
    }

    private ParquetCodecBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String path = args[0];
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Page> pages = pages(path);
        long compressed = pages.stream().mapToLong(page -> page.bytes().length).sum();
        long uncompressed = pages.stream().mapToLong(Page::uncompressed).sum();
        System.out.printf("%d pages, %,d compressed bytes, %,d uncompressed bytes; native zstd enabled: %s%n",
                pages.size(), compressed, uncompressed, ZstdNativeDecompressor.isEnabled());
        for (int r = 0; r < repeats; r++) {
            time("zstd java    ", new ZstdJavaDecompressor(), pages, uncompressed);
            if (ZstdNativeDecompressor.isEnabled()) {
                time("zstd native  ", new ZstdNativeDecompressor(), pages, uncompressed);
            }
        }
        List<Page> raw = new ArrayList<>();
        ZstdJavaDecompressor zstd = new ZstdJavaDecompressor();
        for (Page page : pages) {
            byte[] output = new byte[page.uncompressed()];
            zstd.decompress(page.bytes(), 0, page.bytes().length, output, 0, output.length);
            raw.add(new Page(output, output.length));
        }
        List<Page> snappy = recompress(raw, new SnappyJavaCompressor());
        List<Page> lz4 = recompress(raw, new Lz4JavaCompressor());
        for (int r = 0; r < repeats; r++) {
            time("snappy java  ", new SnappyJavaDecompressor(), snappy, uncompressed);
            time("snappy native", new SnappyNativeDecompressor(), snappy, uncompressed);
            time("lz4 java     ", new Lz4JavaDecompressor(), lz4, uncompressed);
            time("lz4 native   ", new Lz4NativeDecompressor(), lz4, uncompressed);
        }
    }

    private static List<Page> recompress(List<Page> raw, Compressor compressor) {
        List<Page> out = new ArrayList<>();
        for (Page page : raw) {
            byte[] buffer = new byte[compressor.maxCompressedLength(page.uncompressed())];
            int size = compressor.compress(page.bytes(), 0, page.uncompressed(), buffer, 0, buffer.length);
            out.add(new Page(java.util.Arrays.copyOf(buffer, size), page.uncompressed()));
        }
        return out;
    }

    private static void time(String label, Decompressor decompressor, List<Page> pages, long uncompressed) {
        long start = System.nanoTime();
        long produced = 0;
        for (Page page : pages) {
            byte[] output = new byte[page.uncompressed()];
            produced += decompressor.decompress(page.bytes(), 0, page.bytes().length, output, 0, output.length);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (produced != uncompressed) {
            throw new IllegalStateException("produced " + produced + " bytes, expected " + uncompressed);
        }
        System.out.printf("%s %.3f s = %,.0f MB/s uncompressed%n", label, seconds, uncompressed / seconds / 1e6);
    }

    private static List<Page> pages(String path) throws IOException {
        ParquetMetadata metadata = ParquetMetadata.read(path);
        List<Page> pages = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(path, "r")) {
            for (RowGroup group : metadata.rowGroups()) {
                for (ColumnChunk column : group.getColumns()) {
                    ColumnMetaData meta = column.getMeta_data();
                    long start = meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > 0
                            ? Math.min(meta.getDictionary_page_offset(), meta.getData_page_offset())
                            : meta.getData_page_offset();
                    byte[] chunk = new byte[(int) meta.getTotal_compressed_size()];
                    file.seek(start);
                    file.readFully(chunk);
                    ByteArrayInputStream stream = new ByteArrayInputStream(chunk);
                    while (stream.available() > 0) {
                        PageHeader header = Util.readPageHeader(stream);
                        byte[] body = stream.readNBytes(header.getCompressed_page_size());
                        pages.add(new Page(body, header.getUncompressed_page_size()));
                    }
                }
            }
        }
        return pages;
    }
}
