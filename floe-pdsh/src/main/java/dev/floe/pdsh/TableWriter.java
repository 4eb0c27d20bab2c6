package dev.floe.pdsh;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.parquet.write.ParquetCompression;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

/** Writes one generated table part to a file, so the generator does not depend on a particular file format. */
@FunctionalInterface
public interface TableWriter {
    /** Writes all of {@code batches} (each of {@code schema}) to {@code file}, which does not exist yet. */
    void write(Path file, Schema schema, Iterator<Batch> batches) throws IOException;

    /** The file name extension of the format written, without the dot. */
    default String fileExtension() {
        return "parquet";
    }

    /** Floe's Parquet writer with zstd compression: PDS-H's data set format. */
    static TableWriter parquet() {
        ParquetWriteOptions options = ParquetWriteOptions.defaults().withCompression(ParquetCompression.ZSTD);
        return (file, schema, batches) -> ParquetWriter.write(file, schema, batches, options);
    }

    /** CSV in the answer dialect, for peers or tools that want text. */
    static TableWriter csv() {
        return new CsvTableWriter();
    }
}
