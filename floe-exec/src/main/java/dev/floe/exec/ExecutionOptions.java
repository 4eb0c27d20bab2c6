package dev.floe.exec;

import dev.floe.core.FloeException;

/** How the local executor runs a query: the number of worker threads and the rows per morsel. */
public record ExecutionOptions(int threads, int batchSize) {
    public ExecutionOptions {
        if (threads < 1) {
            throw FloeException.invalidArgument("threads must be >= 1, got " + threads);
        }
        if (batchSize < 1) {
            throw FloeException.invalidArgument("batch size must be >= 1, got " + batchSize);
        }
    }

    /** All cores and morsels of 65,536 rows. */
    public static ExecutionOptions defaults() {
        return new ExecutionOptions(Runtime.getRuntime().availableProcessors(), 65_536);
    }

    public ExecutionOptions withThreads(int newThreads) {
        return new ExecutionOptions(newThreads, batchSize);
    }

    public ExecutionOptions withBatchSize(int newBatchSize) {
        return new ExecutionOptions(threads, newBatchSize);
    }
}
