package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import io.airlift.compress.v3.lz4.Lz4JavaCompressor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.parquet.format.CompressionCodec;
import org.junit.jupiter.api.Test;

/** Codec round trips, Hadoop-framed LZ4, and bad compressed data. */
class ParquetCodecsTest {
    private static final byte[] TEXT = "the quick brown fox jumps over the lazy dog; ".repeat(200)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void everyWrittenCodecRoundTrips() {
        for (CompressionCodec codec : new CompressionCodec[] {CompressionCodec.UNCOMPRESSED, CompressionCodec.SNAPPY,
                CompressionCodec.GZIP, CompressionCodec.ZSTD, CompressionCodec.LZ4_RAW, CompressionCodec.BROTLI}) {
            byte[] compressed = ParquetCodecs.compress(codec, TEXT, TEXT.length, -1);
            assertThat(ParquetCodecs.decompress(codec, compressed, 0, compressed.length, TEXT.length))
                    .as(codec.name()).isEqualTo(TEXT);
        }
    }

    @Test
    void hadoopFramedLz4IsRead() {
        Lz4JavaCompressor compressor = new Lz4JavaCompressor();
        int half = TEXT.length / 2;
        ByteBuffer framed = ByteBuffer.allocate(TEXT.length * 2);
        for (int start = 0; start < TEXT.length; start += half) {
            int length = Math.min(half, TEXT.length - start);
            byte[] block = new byte[compressor.maxCompressedLength(length)];
            int size = compressor.compress(TEXT, start, length, block, 0, block.length);
            framed.putInt(length).putInt(size).put(block, 0, size);
        }
        byte[] bytes = Arrays.copyOf(framed.array(), framed.position());
        assertThat(ParquetCodecs.decompress(CompressionCodec.LZ4, bytes, 0, bytes.length, TEXT.length)).isEqualTo(TEXT);
    }

    @Test
    void badCompressedDataIsReported() {
        byte[] compressed = ParquetCodecs.compress(CompressionCodec.ZSTD, TEXT, TEXT.length, -1);
        for (int i = 4; i < compressed.length; i++) {
            compressed[i] ^= (byte) 0xFF;
        }
        assertThatThrownBy(() -> ParquetCodecs.decompress(CompressionCodec.ZSTD, compressed, 0, compressed.length,
                TEXT.length)).isInstanceOf(ParquetCodecs.BadCompressedData.class);
        byte[] snappy = ParquetCodecs.compress(CompressionCodec.SNAPPY, TEXT, TEXT.length, -1);
        assertThatThrownBy(() -> ParquetCodecs.decompress(CompressionCodec.SNAPPY, snappy, 0, snappy.length,
                TEXT.length + 10)).isInstanceOf(ParquetCodecs.BadCompressedData.class);
    }

    @Test
    void brotliUnavailableNamesTheCodecAndThePlatform() {
        FloeException error = BrotliCodec.unavailable(new UnsatisfiedLinkError("no brotli in java.library.path"));
        assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains("BROTLI").contains(System.getProperty("os.name"))
                .contains(System.getProperty("os.arch")).contains("no brotli in java.library.path");
    }
}
