package dev.floe.exec;

import dev.floe.core.FloeException;
import dev.floe.exec.pipeline.ExecutionContext;
import dev.floe.exec.pipeline.PipelineRunner;
import dev.floe.exec.planner.PhysicalPlanner;
import dev.floe.exec.sink.OrderedBatches;
import dev.floe.exec.sink.SinkWriters;
import dev.floe.io.TableOpener;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Sink;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a logical plan on this machine: the physical planner cuts it into pipelines, and each pipeline runs
 * morsel by morsel on {@code threads} workers. A Sink root streams its rows, in order, to the format's writer as
 * the pipeline produces them, and returns an empty output.
 */
public final class LocalExecutor {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final ExecutionOptions options;
    private final TableOpener tables;

    public LocalExecutor(ExecutionOptions options) {
        this(options, TableOpener.FILES);
    }

    /** An executor whose scans open their tables with {@code tables} (tests pass in-memory fakes). */
    public LocalExecutor(ExecutionOptions options, TableOpener tables) {
        this.options = Objects.requireNonNull(options, "options");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    /** Runs the plan to completion; a failure in any worker is rethrown here as a FloeException. */
    public QueryOutput execute(LogicalPlan plan) {
        Objects.requireNonNull(plan, "plan");
        ExecutorService pool = options.threads() > 1 ? newPool(options.threads()) : null;
        try {
            PhysicalPlanner planner = new PhysicalPlanner(new ExecutionContext(options, pool, tables));
            if (plan instanceof Sink sink) {
                try (OrderedBatches batches = new OrderedBatches(planner.context(), planner.plan(sink.input()))) {
                    SinkWriters.forFormat(sink.format()).write(sink.input().schema(), batches, sink.path(),
                            sink.options());
                }
                return new QueryOutput(sink.schema(), List.of());
            }
            return new QueryOutput(plan.schema(), planner.materialize(plan));
        } catch (FloeException error) {
            throw error;
        } catch (RuntimeException error) {
            throw PipelineRunner.rethrowable(error);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static ExecutorService newPool(int threads) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger worker = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "floe-worker-" + pool + "-" + worker.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
