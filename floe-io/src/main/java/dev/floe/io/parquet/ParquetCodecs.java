package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.format.CompressionCodec;

/** Page compression and decompression for the codecs Floe supports, all pure Java. */
public final class ParquetCodecs {
    private static final ThreadLocal<ZstdDecompressor> ZSTD_DECOMPRESSOR = ThreadLocal.withInitial(ZstdDecompressor::new);
    private static final ThreadLocal<SnappyDecompressor> SNAPPY_DECOMPRESSOR =
            ThreadLocal.withInitial(SnappyDecompressor::new);
    private static final ThreadLocal<Lz4Decompressor> LZ4_DECOMPRESSOR = ThreadLocal.withInitial(Lz4Decompressor::new);

    private ParquetCodecs() {
    }

    /** Thrown for bad compressed bytes; the caller adds the file and column. */
    static final class BadCompressedData extends RuntimeException {
        BadCompressedData(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /**
     * Decompresses {@code length} bytes at {@code offset} into exactly {@code uncompressedSize} bytes.
     */
    static byte[] decompress(CompressionCodec codec, byte[] input, int offset, int length, int uncompressedSize) {
        if (codec == CompressionCodec.UNCOMPRESSED) {
            if (length != uncompressedSize) {
                throw new BadCompressedData("an uncompressed page of " + length + " bytes claims "
                        + uncompressedSize, null);
            }
            return Arrays.copyOfRange(input, offset, offset + length);
        }
        byte[] output = new byte[uncompressedSize];
        int produced;
        try {
            produced = switch (codec) {
                case SNAPPY -> SNAPPY_DECOMPRESSOR.get().decompress(input, offset, length, output, 0, uncompressedSize);
                case ZSTD -> ZSTD_DECOMPRESSOR.get().decompress(input, offset, length, output, 0, uncompressedSize);
                case LZ4_RAW -> LZ4_DECOMPRESSOR.get().decompress(input, offset, length, output, 0, uncompressedSize);
                case LZ4 -> hadoopLz4(input, offset, length, output);
                case GZIP -> gzip(input, offset, length, output);
                case BROTLI -> throw new FloeException(ErrorCode.INVALID_ARGUMENT, "the Parquet codec BROTLI is not "
                        + "supported by Floe (no maintained pure-Java Brotli library); rewrite the file with ZSTD, "
                        + "SNAPPY, GZIP, LZ4_RAW or no compression");
                case LZO -> throw new FloeException(ErrorCode.INVALID_ARGUMENT, "the Parquet codec LZO is not "
                        + "supported by Floe; rewrite the file with ZSTD, SNAPPY, GZIP, LZ4_RAW or no compression");
                case UNCOMPRESSED -> throw new IllegalStateException();
            };
        } catch (FloeException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new BadCompressedData(codec + " data cannot be decompressed: " + e.getMessage(), e);
        }
        if (produced != uncompressedSize) {
            throw new BadCompressedData(codec + " data decompressed to " + produced + " bytes where the page header "
                    + "says " + uncompressedSize, null);
        }
        return output;
    }

    /** Hadoop's LZ4 framing: blocks of [uncompressed length][compressed length][lz4 bytes], big-endian. */
    private static int hadoopLz4(byte[] input, int offset, int length, byte[] output) {
        int end = offset + length;
        int position = offset;
        int produced = 0;
        Lz4Decompressor decompressor = new Lz4Decompressor();
        while (position + 8 <= end) {
            int uncompressed = bigEndian(input, position);
            int compressed = bigEndian(input, position + 4);
            position += 8;
            if (compressed < 0 || compressed > end - position || uncompressed < 0
                    || uncompressed > output.length - produced) {
                // not Hadoop-framed: some writers put raw LZ4 under this codec id
                return decompressor.decompress(input, offset, length, output, 0, output.length);
            }
            produced += decompressor.decompress(input, position, compressed, output, produced, uncompressed);
            position += compressed;
        }
        return produced;
    }

    private static int bigEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
    }

    private static int gzip(byte[] input, int offset, int length, byte[] output) throws IOException {
        try (GZIPInputStream stream = new GZIPInputStream(new ByteArrayInputStream(input, offset, length))) {
            int produced = 0;
            while (produced < output.length) {
                int read = stream.read(output, produced, output.length - produced);
                if (read < 0) {
                    break;
                }
                produced += read;
            }
            if (produced == output.length && stream.read() >= 0) {
                return produced + 1;
            }
            return produced;
        }
    }

    /** Compresses {@code length} bytes; {@code level} is the codec's level (-1 for its default). */
    public static byte[] compress(CompressionCodec codec, byte[] input, int length, int level) {
        return switch (codec) {
            case UNCOMPRESSED -> Arrays.copyOf(input, length);
            case SNAPPY -> {
                SnappyCompressor compressor = new SnappyCompressor();
                byte[] out = new byte[compressor.maxCompressedLength(length)];
                yield Arrays.copyOf(out, compressor.compress(input, 0, length, out, 0, out.length));
            }
            case ZSTD -> {
                ZstdCompressor compressor = new ZstdCompressor();
                byte[] out = new byte[compressor.maxCompressedLength(length)];
                yield Arrays.copyOf(out, compressor.compress(input, 0, length, out, 0, out.length));
            }
            case LZ4_RAW -> {
                Lz4Compressor compressor = new Lz4Compressor();
                byte[] out = new byte[compressor.maxCompressedLength(length)];
                yield Arrays.copyOf(out, compressor.compress(input, 0, length, out, 0, out.length));
            }
            case GZIP -> {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, length / 2));
                int gzipLevel = level < 0 ? Deflater.DEFAULT_COMPRESSION : Math.min(level, 9);
                try (GZIPOutputStream stream = new GZIPOutputStream(buffer) {
                    {
                        def.setLevel(gzipLevel);
                    }
                }) {
                    stream.write(input, 0, length);
                } catch (IOException e) {
                    throw new FloeException(ErrorCode.IO_ERROR, "gzip compression failed: " + e.getMessage(), e);
                }
                yield buffer.toByteArray();
            }
            case LZ4, LZO, BROTLI -> throw FloeException.invalidArgument("Floe does not write the Parquet codec "
                    + codec + "; use zstd, snappy, lz4_raw, gzip or uncompressed");
        };
    }
}
