package dev.floe.io.parquet.write;

import dev.floe.core.FloeException;
import java.util.Locale;
import org.apache.parquet.format.CompressionCodec;

/** The codecs Floe writes Parquet pages with. */
public enum ParquetCompression {
    UNCOMPRESSED(CompressionCodec.UNCOMPRESSED),
    SNAPPY(CompressionCodec.SNAPPY),
    GZIP(CompressionCodec.GZIP),
    ZSTD(CompressionCodec.ZSTD),
    LZ4_RAW(CompressionCodec.LZ4_RAW),
    BROTLI(CompressionCodec.BROTLI);

    private final CompressionCodec codec;

    ParquetCompression(CompressionCodec codec) {
        this.codec = codec;
    }

    CompressionCodec codec() {
        return codec;
    }

    /** Parses a user's codec name: zstd, snappy, gzip, lz4 / lz4_raw, brotli, uncompressed / none. */
    public static ParquetCompression parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "zstd" -> ZSTD;
            case "snappy" -> SNAPPY;
            case "gzip" -> GZIP;
            case "lz4", "lz4_raw" -> LZ4_RAW;
            case "brotli" -> BROTLI;
            case "uncompressed", "none" -> UNCOMPRESSED;
            default -> throw FloeException.invalidArgument("unknown Parquet compression '" + name
                    + "'; use one of zstd, snappy, gzip, lz4_raw, brotli, uncompressed");
        };
    }
}
