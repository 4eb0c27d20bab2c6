package dev.floe.exec.pipeline;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The morsel-driven scheduler: N workers claim morsels from a shared counter and push each morsel's batches
 * through the operators into their thread-local sink state. The first failure cancels the other workers and
 * is rethrown in the caller: a FloeException as it is, anything else as an INTERNAL FloeException.
 */
public final class PipelineRunner {
    private PipelineRunner() {
    }

    /** Runs the pipeline to completion; returns the sink's local states, one per worker that ran. */
    public static <L> List<L> run(ExecutionContext context, Pipeline pipeline, PipelineSink<L> sink) {
        MorselSource source = pipeline.source();
        int morsels = source.morselCount();
        int workers = Math.max(1, Math.min(context.threads(), morsels));
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean canceled = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<L> locals = Collections.synchronizedList(new ArrayList<>());
        Runnable worker = () -> {
            try {
                L local = sink.createLocal();
                locals.add(local);
                int morsel;
                while (!canceled.get() && (morsel = next.getAndIncrement()) < morsels) {
                    runMorsel(pipeline, sink, local, morsel, canceled);
                }
            } catch (Throwable error) {
                failure.compareAndSet(null, error);
                canceled.set(true);
            }
        };
        if (workers == 1 || context.pool() == null) {
            worker.run();
        } else {
            List<Future<?>> futures = new ArrayList<>(workers);
            for (int i = 0; i < workers; i++) {
                futures.add(context.pool().submit(worker));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (InterruptedException interrupted) {
                    canceled.set(true);
                    Thread.currentThread().interrupt();
                    throw new FloeException(ErrorCode.CANCELED, "the query was interrupted");
                } catch (ExecutionException unexpected) {
                    failure.compareAndSet(null, unexpected.getCause());
                }
            }
        }
        Throwable error = failure.get();
        if (error != null) {
            throw rethrowable(error);
        }
        return new ArrayList<>(locals);
    }

    private static <L> void runMorsel(Pipeline pipeline, PipelineSink<L> sink, L local, int morsel,
            AtomicBoolean canceled) {
        long[] position = {(long) morsel << 32};
        List<StreamingOperator> operators = pipeline.operators();
        pipeline.source().read(morsel, batch -> {
            if (canceled.get()) {
                throw new FloeException(ErrorCode.CANCELED, "canceled because another part of the query failed");
            }
            long start = position[0];
            position[0] += batch.rowCount();
            Batch current = batch;
            for (StreamingOperator operator : operators) {
                current = operator.apply(current);
            }
            if (current.rowCount() > 0) {
                sink.consume(local, morsel, start, current);
            }
        });
    }

    /** The exception to rethrow in the caller for a worker's failure. */
    public static RuntimeException rethrowable(Throwable error) {
        if (error instanceof FloeException floe) {
            return floe;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new FloeException(ErrorCode.INTERNAL, "internal error (a bug in Floe): " + error, error);
    }
}
