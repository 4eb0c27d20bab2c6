package dev.floe.exec.pipeline;

import dev.floe.core.vector.Batch;

/**
 * A non-blocking pipeline step (filter, projection, join probe, ...): an immutable description, safe to apply
 * from many threads at once; one input batch gives one output batch (possibly empty).
 */
public interface StreamingOperator {
    Batch apply(Batch input);
}
