package dev.floe.exec.pipeline;

import dev.floe.core.vector.Batch;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.join.BuildSides;
import dev.floe.io.TableOpener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * What one query's execution shares: the options, the worker pool, how scans open their tables, where hash
 * joins get their build sides, and the results of cached subplans.
 */
public final class ExecutionContext {
    private final ExecutionOptions options;
    private final ExecutorService pool;
    private final TableOpener tables;
    private final BuildSides buildSides;
    private final Map<Integer, List<Batch>> caches = new HashMap<>();

    public ExecutionContext(ExecutionOptions options, ExecutorService pool, TableOpener tables) {
        this(options, pool, tables, BuildSides.UNSHARED);
    }

    /** A context whose hash joins get their build sides from {@code buildSides} (shared between tasks). */
    public ExecutionContext(ExecutionOptions options, ExecutorService pool, TableOpener tables,
            BuildSides buildSides) {
        this.options = options;
        this.pool = pool;
        this.tables = tables;
        this.buildSides = java.util.Objects.requireNonNull(buildSides, "buildSides");
    }

    /** Where hash joins get their built sides (built every time unless a host shares them). */
    public BuildSides buildSides() {
        return buildSides;
    }

    /** Opens the tables that scans read. */
    public TableOpener tables() {
        return tables;
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
