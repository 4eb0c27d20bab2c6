package dev.floe.exec.pipeline;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.util.List;
import java.util.function.Consumer;

/**
 * The morsels of several pipelines one after the other (concat without materializing): morsel numbers run
 * through the first pipeline's morsels, then the second's, so ordered sinks keep the inputs in order. Each
 * morsel is read from its pipeline's source and pushed through that pipeline's own operators.
 */
public final class ConcatSource implements MorselSource {
    private final Schema schema;
    private final List<Pipeline> inputs;
    private final int[] firstMorsel;

    public ConcatSource(Schema schema, List<Pipeline> inputs) {
        this.schema = schema;
        this.inputs = List.copyOf(inputs);
        this.firstMorsel = new int[this.inputs.size() + 1];
        for (int i = 0; i < this.inputs.size(); i++) {
            firstMorsel[i + 1] = Math.addExact(firstMorsel[i], this.inputs.get(i).source().morselCount());
        }
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int morselCount() {
        return firstMorsel[inputs.size()];
    }

    @Override
    public void read(int morsel, Consumer<Batch> consumer) {
        int input = 0;
        while (morsel >= firstMorsel[input + 1]) {
            input++;
        }
        Pipeline pipeline = inputs.get(input);
        pipeline.source().read(morsel - firstMorsel[input], batch -> {
            Batch current = batch;
            for (StreamingOperator operator : pipeline.operators()) {
                current = operator.apply(current);
            }
            consumer.accept(current.withSchema(schema));
        });
    }
}
