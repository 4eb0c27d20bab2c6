package dev.floe.exec.pipeline;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.util.function.Consumer;

/**
 * The start of a pipeline: its input cut into morsels numbered {@code 0 .. morselCount()-1} in input order.
 * Workers claim morsels and read each one's batches; morsel numbers are the sequence that restores order.
 */
public interface MorselSource {
    Schema schema();

    int morselCount();

    /** Pushes the batches of one morsel, in order, to {@code consumer}. Called by one thread per morsel. */
    void read(int morsel, Consumer<Batch> consumer);
}
