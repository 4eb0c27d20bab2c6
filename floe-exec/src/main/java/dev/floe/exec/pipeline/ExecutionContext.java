package dev.floe.exec.pipeline;

import dev.floe.core.vector.Batch;
import dev.floe.exec.ExecutionOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** What one query's execution shares: the options, the worker pool and the results of cached subplans. */
public final class ExecutionContext {
    private final ExecutionOptions options;
    private final ExecutorService pool;
    private final Map<Integer, List<Batch>> caches = new HashMap<>();

    public ExecutionContext(ExecutionOptions options, ExecutorService pool) {
        this.options = options;
        this.pool = pool;
    }

    public ExecutionOptions options() {
        return options;
    }

    public int threads() {
        return options.threads();
    }

    public int batchSize() {
        return options.batchSize();
    }

    /** The worker pool, or {@code null} when running on the calling thread only. */
    public ExecutorService pool() {
        return pool;
    }

    /** The shared result of Cache nodes, by id (planning runs on one thread). */
    public Map<Integer, List<Batch>> caches() {
        return caches;
    }
}
