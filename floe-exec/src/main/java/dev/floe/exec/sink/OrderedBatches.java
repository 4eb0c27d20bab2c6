package dev.floe.exec.sink;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.exec.pipeline.CollectSink;
import dev.floe.exec.pipeline.ExecutionContext;
import dev.floe.exec.pipeline.MorselSource;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.exec.pipeline.PipelineRunner;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A pipeline's output in input order, produced while it is consumed so that a sink writes a result larger than
 * memory: the workers run at most {@code 2 × threads} morsels ahead of the consumer (on the calling thread,
 * one morsel at a time, when there is no pool). Close it to cancel the morsels still running.
 */
public final class OrderedBatches implements Iterator<Batch>, AutoCloseable {
    private final ExecutionContext context;
    private final Pipeline pipeline;
    private final int morsels;
    private final int window;
    private final ArrayDeque<Future<List<Batch>>> running = new ArrayDeque<>();
    private int nextMorsel;
    private Iterator<Batch> current = Collections.emptyIterator();

    public OrderedBatches(ExecutionContext context, Pipeline pipeline) {
        this.context = context;
        this.pipeline = pipeline;
        this.morsels = pipeline.source().morselCount();
        this.window = Math.max(1, 2 * context.threads());
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (context.pool() == null) {
                if (nextMorsel == morsels) {
                    return false;
                }
                current = run(nextMorsel++).iterator();
                continue;
            }
            while (running.size() < window && nextMorsel < morsels) {
                int morsel = nextMorsel++;
                running.add(context.pool().submit(() -> run(morsel)));
            }
            if (running.isEmpty()) {
                return false;
            }
            current = await(running.poll()).iterator();
        }
        return true;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the pipeline has no more batches");
        }
        return current.next();
    }

    /** Cancels the morsels still running; their results are dropped. */
    @Override
    public void close() {
        for (Future<List<Batch>> future : running) {
            future.cancel(true);
        }
        running.clear();
        nextMorsel = morsels;
        current = Collections.emptyIterator();
    }

    /** One morsel through the pipeline's operators, on this thread. */
    private List<Batch> run(int morsel) {
        Pipeline one = new Pipeline(new OneMorsel(pipeline.source(), morsel), pipeline.operators(), pipeline.schema());
        return CollectSink.collect(context, one);
    }

    private List<Batch> await(Future<List<Batch>> future) {
        try {
            return future.get();
        } catch (InterruptedException interrupted) {
            close();
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "the query was interrupted");
        } catch (ExecutionException failure) {
            close();
            throw PipelineRunner.rethrowable(failure.getCause());
        }
    }

    /** Morsel {@code morsel} of a source as a source of its own (a one-morsel pipeline runs on the caller's thread). */
    private record OneMorsel(MorselSource source, int morsel) implements MorselSource {
        @Override
        public Schema schema() {
            return source.schema();
        }

        @Override
        public int morselCount() {
            return 1;
        }

        @Override
        public void read(int ignored, Consumer<Batch> consumer) {
            source.read(morsel, consumer);
        }
    }
}
