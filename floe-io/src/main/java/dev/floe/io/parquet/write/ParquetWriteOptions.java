package dev.floe.io.parquet.write;

import dev.floe.core.FloeException;
import java.util.Objects;

/**
 * How {@link ParquetWriter} writes: codec and level (-1 for the codec's default; only gzip takes a level),
 * rows per row group and per page, min/max statistics, and dictionary encoding (abandoned for plain when a
 * column chunk's dictionary grows past {@code dictionaryMaxEntries} values or {@code dictionaryMaxBytes}).
 */
public record ParquetWriteOptions(ParquetCompression compression, int compressionLevel, int rowGroupSize,
        int pageRows, boolean statistics, boolean dictionary, int dictionaryMaxEntries, int dictionaryMaxBytes) {
    public static final int DEFAULT_ROW_GROUP_SIZE = 512 * 512;
    public static final int DEFAULT_PAGE_ROWS = 64 * 1024;

    public ParquetWriteOptions {
        Objects.requireNonNull(compression, "compression");
        if (rowGroupSize <= 0) {
            throw FloeException.invalidArgument("row group size must be positive, got " + rowGroupSize);
        }
        if (pageRows <= 0) {
            throw FloeException.invalidArgument("page size in rows must be positive, got " + pageRows);
        }
        if (compressionLevel < -1 || compressionLevel > 22) {
            throw FloeException.invalidArgument("compression level must be -1 (default) or 0..22, got "
                    + compressionLevel);
        }
    }

    public static ParquetWriteOptions defaults() {
        return new ParquetWriteOptions(ParquetCompression.ZSTD, -1, DEFAULT_ROW_GROUP_SIZE, DEFAULT_PAGE_ROWS, true,
                true, 1 << 16, 1 << 20);
    }

    public ParquetWriteOptions withCompression(ParquetCompression value) {
        return new ParquetWriteOptions(value, compressionLevel, rowGroupSize, pageRows, statistics, dictionary,
                dictionaryMaxEntries, dictionaryMaxBytes);
    }

    public ParquetWriteOptions withCompressionLevel(int value) {
        return new ParquetWriteOptions(compression, value, rowGroupSize, pageRows, statistics, dictionary,
                dictionaryMaxEntries, dictionaryMaxBytes);
    }

    public ParquetWriteOptions withRowGroupSize(int value) {
        return new ParquetWriteOptions(compression, compressionLevel, value, pageRows, statistics, dictionary,
                dictionaryMaxEntries, dictionaryMaxBytes);
    }

    public ParquetWriteOptions withPageRows(int value) {
        return new ParquetWriteOptions(compression, compressionLevel, rowGroupSize, value, statistics, dictionary,
                dictionaryMaxEntries, dictionaryMaxBytes);
    }

    public ParquetWriteOptions withStatistics(boolean value) {
        return new ParquetWriteOptions(compression, compressionLevel, rowGroupSize, pageRows, value, dictionary,
                dictionaryMaxEntries, dictionaryMaxBytes);
    }

    public ParquetWriteOptions withDictionary(boolean value) {
        return new ParquetWriteOptions(compression, compressionLevel, rowGroupSize, pageRows, statistics, value,
                dictionaryMaxEntries, dictionaryMaxBytes);
    }

    public ParquetWriteOptions withDictionaryLimits(int maxEntries, int maxBytes) {
        return new ParquetWriteOptions(compression, compressionLevel, rowGroupSize, pageRows, statistics, dictionary,
                maxEntries, maxBytes);
    }
}
