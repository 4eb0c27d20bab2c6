package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.codec.CodecLibrary;
import io.airlift.compress.v3.Compressor;
import io.airlift.compress.v3.Decompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.format.CompressionCodec;

/**
 * Page compression and decompression for the codecs Floe supports: zstd, snappy and LZ4 through aircompressor
 * (native where it loads, see {@link CodecLibrary}), gzip through the JDK, Brotli through brotli4j.
 */
public final class ParquetCodecs {

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
            checkUncompressed(length, uncompressedSize);
            return Arrays.copyOfRange(input, offset, offset + length);
        }
        byte[] output = new byte[uncompressedSize];
        decompressInto(codec, input, offset, length, output, uncompressedSize);
        return output;
    }

    static void checkUncompressed(int length, int uncompressedSize) {
        if (length != uncompressedSize) {
            throw new BadCompressedData("an uncompressed page of " + length + " bytes claims " + uncompressedSize,
                    null);
        }
    }

    /**
     * Decompresses {@code length} bytes at {@code offset} into {@code output[0..uncompressedSize)}, which must be at
     * least that long (callers reuse one buffer per column chunk); the codec must not be UNCOMPRESSED.
     */
    static void decompressInto(CompressionCodec codec, byte[] input, int offset, int length, byte[] output,
            int uncompressedSize) {
        int produced;
        try {
            produced = switch (codec) {
                case SNAPPY -> CodecLibrary.snappy().decompress(input, offset, length, output, 0, uncompressedSize);
                case ZSTD -> CodecLibrary.zstd().decompress(input, offset, length, output, 0, uncompressedSize);
                case LZ4_RAW -> CodecLibrary.lz4().decompress(input, offset, length, output, 0, uncompressedSize);
                case LZ4 -> hadoopLz4(input, offset, length, output, uncompressedSize);
                case GZIP -> gzip(input, offset, length, output, uncompressedSize);
                case BROTLI -> BrotliCodec.decompress(input, offset, length, output, uncompressedSize);
                case LZO -> throw new FloeException(ErrorCode.INVALID_ARGUMENT, "the Parquet codec LZO is not "
                        + "supported by Floe; rewrite the file with ZSTD, SNAPPY, GZIP, LZ4_RAW or no compression");
                case UNCOMPRESSED -> throw new IllegalStateException("uncompressed pages are not decompressed");
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
    }

    /** Hadoop's LZ4 framing: blocks of [uncompressed length][compressed length][lz4 bytes], big-endian. */
    private static int hadoopLz4(byte[] input, int offset, int length, byte[] output, int size) {
        int end = offset + length;
        int position = offset;
        int produced = 0;
        Decompressor decompressor = CodecLibrary.lz4();
        while (position + 8 <= end) {
            int uncompressed = bigEndian(input, position);
            int compressed = bigEndian(input, position + 4);
            position += 8;
            if (compressed < 0 || compressed > end - position || uncompressed < 0
                    || uncompressed > size - produced) {
                // not Hadoop-framed: some writers put raw LZ4 under this codec id
                return decompressor.decompress(input, offset, length, output, 0, size);
            }
            produced += decompressor.decompress(input, position, compressed, output, produced, uncompressed);
            position += compressed;
        }
        return produced;
    }

    private static int bigEndian(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8 | (bytes[at + 3] & 0xFF);
    }

    private static int gzip(byte[] input, int offset, int length, byte[] output, int size) throws IOException {
        try (GZIPInputStream stream = new GZIPInputStream(new ByteArrayInputStream(input, offset, length))) {
            int produced = 0;
            while (produced < size) {
                int read = stream.read(output, produced, size - produced);
                if (read < 0) {
                    break;
                }
                produced += read;
            }
            if (produced == size && stream.read() >= 0) {
                return produced + 1;
            }
            return produced;
        }
    }

    /** Compresses {@code length} bytes; {@code level} is the codec's level (-1 for its default). */
    public static byte[] compress(CompressionCodec codec, byte[] input, int length, int level) {
        return switch (codec) {
            case UNCOMPRESSED -> Arrays.copyOf(input, length);
            case SNAPPY -> compress(CodecLibrary.snappyCompressor(), input, length);
            case ZSTD -> compress(CodecLibrary.zstdCompressor(level), input, length);
            case LZ4_RAW -> compress(CodecLibrary.lz4Compressor(), input, length);
            case BROTLI -> BrotliCodec.compress(input, length, level);
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
            case LZ4, LZO -> throw FloeException.invalidArgument("Floe does not write the Parquet codec "
                    + codec + "; use zstd, snappy, lz4_raw, gzip, brotli or uncompressed");
        };
    }

    private static byte[] compress(Compressor compressor, byte[] input, int length) {
        byte[] out = new byte[compressor.maxCompressedLength(length)];
        return Arrays.copyOf(out, compressor.compress(input, 0, length, out, 0, out.length));
    }
}
