package dev.floe.io;

import dev.floe.core.vector.Batch;

/** Batches of one scan task, pulled one at a time; close releases files and buffers. */
public interface BatchReader extends AutoCloseable {
    /** The next batch, or {@code null} at the end. */
    Batch next();

    @Override
    void close();
}
