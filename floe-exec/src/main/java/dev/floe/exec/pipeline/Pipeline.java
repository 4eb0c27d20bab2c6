package dev.floe.exec.pipeline;

import dev.floe.core.types.Schema;
import java.util.ArrayList;
import java.util.List;

/** A source followed by streaming operators: what the physical planner builds for a chain of non-blocking nodes. */
public record Pipeline(MorselSource source, List<StreamingOperator> operators, Schema schema) {
    public Pipeline {
        operators = List.copyOf(operators);
    }

    public static Pipeline of(MorselSource source) {
        return new Pipeline(source, List.of(), source.schema());
    }

    /** This pipeline with one more operator producing {@code outputSchema}. */
    public Pipeline then(StreamingOperator operator, Schema outputSchema) {
        List<StreamingOperator> all = new ArrayList<>(operators);
        all.add(operator);
        return new Pipeline(source, all, outputSchema);
    }
}
