package dev.floe.exec.sink;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.util.Iterator;
import java.util.Map;

/** Writes a query's rows to a file (or files) of one format; implemented by each format's writer. */
public interface SinkWriter {
    /**
     * Writes {@code batches} (in order, all of {@code schema}) to {@code path} with the format's options by name,
     * taking each batch as the query produces it; when the batches fail, no partial file is left behind.
     */
    void write(Schema schema, Iterator<Batch> batches, String path, Map<String, String> options);
}
