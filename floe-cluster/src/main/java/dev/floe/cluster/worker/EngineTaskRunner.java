package dev.floe.cluster.worker;

import dev.floe.cluster.TableCache;
import dev.floe.cluster.plan.FragmentBinder;
import dev.floe.cluster.plan.ScanTaskSelection;
import dev.floe.cluster.plan.ShuffleInputs;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.exec.QueryOutput;
import dev.floe.exec.join.BuildSides;
import dev.floe.exec.pipeline.ExecutionContext;
import dev.floe.exec.pipeline.PipelineRunner;
import dev.floe.exec.planner.PhysicalPlanner;
import dev.floe.exec.sink.OrderedBatches;
import dev.floe.io.TableOpener;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine's task runner: decodes the task's plan fragment, points its shuffle inputs at the fetched Arrow IPC
 * files and runs it with the local engine's planner on this worker's threads, handing out the fragment's rows
 * morsel by morsel as they come (a fragment ending in a sink writes its file itself). Join build sides that every
 * task of the stage reads alike come from the worker's {@link BuildSideCache}, built once for all of them.
 */
public final class EngineTaskRunner implements TaskRunner {
    /** Files (footers cached across tasks), with a partition's scan clipped to the row groups it was given. */
    private static final TableOpener TABLES = ScanTaskSelection.opener(TableCache.SHARED);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutionOptions options;

    public EngineTaskRunner(int threads) {
        this.options = ExecutionOptions.defaults().withThreads(threads);
    }

    @Override
    public Output run(Context context) {
        LogicalPlan fragment = PlanCodec.decode(context.payload());
        LogicalPlan bound = FragmentBinder.bindInputs(fragment, context.inputs());
        long rowsIn = sourceRows(fragment);
        if (bound instanceof Sink) {
            QueryOutput output = new LocalExecutor(options, TABLES).execute(bound);
            return Output.of(output.schema(), output.batches(), rowsIn);
        }
        ExecutorService pool = options.threads() > 1 ? newPool(options.threads()) : null;
        try {
            BuildSides buildSides = context.buildSides().forTask(context.task().queryId(),
                    context.task().stageId(), SharedSideKeys.of(fragment, context.inputs()));
            PhysicalPlanner planner = new PhysicalPlanner(new ExecutionContext(options, pool, TABLES, buildSides));
            return new Streamed(bound.schema(), new OrderedBatches(planner.context(), planner.plan(bound)), pool,
                    rowsIn);
        } catch (RuntimeException error) {
            if (pool != null) {
                pool.shutdownNow();
            }
            throw error instanceof FloeException floe ? floe : PipelineRunner.rethrowable(error);
        }
    }

    /** The rows of a running fragment; closing it cancels the morsels still running and stops its threads. */
    private record Streamed(Schema schema, OrderedBatches batches, ExecutorService pool, long rowsIn)
            implements Output {
        @Override
        public boolean hasNext() {
            try {
                return batches.hasNext();
            } catch (FloeException error) {
                throw error;
            } catch (RuntimeException error) {
                throw PipelineRunner.rethrowable(error);
            }
        }

        @Override
        public Batch next() {
            return batches.next();
        }

        @Override
        public void close() {
            batches.close();
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static ExecutorService newPool(int threads) {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon()
                .name("floe-task-" + POOLS.incrementAndGet() + "-", 1).factory());
    }

    /** Rows of the fragment's source leaf: in-memory batches, or file metadata when the format records it. */
    private static long sourceRows(LogicalPlan plan) {
        if (plan instanceof InMemory memory) {
            return memory.rowCount();
        }
        if (plan instanceof Scan scan) {
            if (ShuffleInputs.stageOf(scan).isPresent()) {
                return 0;
            }
            long rows = TABLES.open(scan.source()).statistics().rows();
            return Math.max(0, rows);
        }
        long total = 0;
        for (LogicalPlan input : plan.inputs()) {
            total += sourceRows(input);
        }
        return total;
    }
}
