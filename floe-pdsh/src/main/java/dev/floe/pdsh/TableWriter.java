package dev.floe.pdsh;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
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
}
