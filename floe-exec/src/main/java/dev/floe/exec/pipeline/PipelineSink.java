package dev.floe.exec.pipeline;

import dev.floe.core.vector.Batch;

/**
 * The end of a pipeline (a pipeline breaker: collect, hash-aggregate build, hash-join build, sort). Each worker
 * thread gets its own local state {@code L}; the sink's owner merges the locals when all morsels are done.
 */
public interface PipelineSink<L> {
    L createLocal();

    /**
     * Consumes a batch of morsel {@code morsel}; {@code position} is the global order of its first row: it
     * increases along the input, so rows can be put back in input order.
     */
    void consume(L local, int morsel, long position, Batch batch);
}
