package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Evaluator;
import java.util.ArrayList;
import java.util.List;

/**
 * The build side of a hash aggregation: each thread aggregates its morsels into its own {@link GroupState};
 * {@link #finish} merges the partial states and returns keys then aggregates, one row per group.
 */
public final class HashAggregateSink implements dev.floe.exec.pipeline.PipelineSink<GroupState> {
    private final List<Evaluator> keys;
    private final List<DataType> keyTypes;
    private final List<AggregateInput> aggregates;

    public HashAggregateSink(List<Evaluator> keys, List<DataType> keyTypes, List<AggregateInput> aggregates) {
        this.keys = List.copyOf(keys);
        this.keyTypes = List.copyOf(keyTypes);
        this.aggregates = List.copyOf(aggregates);
    }

    @Override
    public GroupState createLocal() {
        return new GroupState(keys, keyTypes, aggregates);
    }

    @Override
    public void consume(GroupState local, int morsel, long position, Batch batch) {
        local.add(batch, position);
    }

    /**
     * Merges the partial states: key columns then aggregate columns; groups in order of first appearance when
     * {@code maintainOrder}.
     */
    public List<Vector> finish(List<GroupState> locals, boolean maintainOrder) {
        GroupState total = locals.isEmpty() ? createLocal() : locals.getFirst();
        for (int i = 1; i < locals.size(); i++) {
            total.merge(locals.get(i));
        }
        List<Vector> columns = total.finish();
        if (!maintainOrder || keys.isEmpty()) {
            return columns;
        }
        int[] order = total.orderOfFirstAppearance();
        List<Vector> ordered = new ArrayList<>(columns.size());
        for (Vector column : columns) {
            ordered.add(column.take(order, order.length));
        }
        return ordered;
    }
}
