package dev.floe.exec.pipeline;

import dev.floe.core.vector.Batch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers a pipeline's output batches and puts them back in input order by their positions. */
public final class CollectSink implements PipelineSink<List<CollectSink.Piece>> {
    /** One output batch and the position of its first input row. */
    public record Piece(long position, Batch batch) {
    }

    @Override
    public List<Piece> createLocal() {
        return new ArrayList<>();
    }

    @Override
    public void consume(List<Piece> local, int morsel, long position, Batch batch) {
        local.add(new Piece(position, batch));
    }

    /** Every batch of every worker, in input order. */
    public static List<Batch> ordered(List<List<Piece>> locals) {
        List<Piece> all = new ArrayList<>();
        locals.forEach(all::addAll);
        all.sort(Comparator.comparingLong(Piece::position));
        List<Batch> batches = new ArrayList<>(all.size());
        for (Piece piece : all) {
            batches.add(piece.batch());
        }
        return batches;
    }

    /** Runs the pipeline and returns its batches in input order. */
    public static List<Batch> collect(ExecutionContext context, Pipeline pipeline) {
        return ordered(PipelineRunner.run(context, pipeline, new CollectSink()));
    }
}
