package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.expr.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The build side of a hash aggregation: each thread aggregates its morsels into its own {@link GroupState};
 * {@link #finish} merges the partial states and returns keys then aggregates, one row per group.
 */
public final class HashAggregateSink implements dev.floe.exec.pipeline.PipelineSink<GroupState> {
    private final List<Evaluator> keys;
    private final List<DataType> keyTypes;
    private final List<AggregateInput> aggregates;
    private final boolean maintainOrder;

    /** With {@code maintainOrder} the groups come out in order of first appearance. */
    public HashAggregateSink(List<Evaluator> keys, List<DataType> keyTypes, List<AggregateInput> aggregates,
            boolean maintainOrder) {
        this.maintainOrder = maintainOrder;
        this.keys = List.copyOf(keys);
        this.keyTypes = List.copyOf(keyTypes);
        this.aggregates = List.copyOf(aggregates);
    }

    @Override
    public GroupState createLocal() {
        return new GroupState(keys, keyTypes, aggregates, maintainOrder && !keys.isEmpty());
    }

    @Override
    public void consume(GroupState local, int morsel, long position, Batch batch) {
        local.add(batch, position);
    }

    /**
     * Merges the partial states: key columns then aggregate columns; groups in order of first appearance when
     * the sink maintains order. Many groups are merged in parallel on {@code pool} (when not {@code null}).
     */
    public List<Vector> finish(List<GroupState> locals, ExecutorService pool, int threads) {
        if (PartitionedMerge.applies(locals, keyTypes, pool)) {
            return finishPartitioned(PartitionedMerge.merge(locals, this::createLocal, pool, threads));
        }
        GroupState total = locals.isEmpty() ? createLocal() : locals.getFirst();
        for (int i = 1; i < locals.size(); i++) {
            total.merge(locals.get(i));
        }
        List<Vector> columns = total.finish();
        if (!maintainOrder || keys.isEmpty()) {
            return columns;
        }
        return take(columns, total.orderOfFirstAppearance());
    }

    /** The partitions' columns one after another (each partition's groups are distinct from the others'). */
    private List<Vector> finishPartitioned(List<GroupState> partitions) {
        List<List<Vector>> finished = new ArrayList<>(partitions.size());
        for (GroupState partition : partitions) {
            finished.add(partition.finish());
        }
        int columnCount = finished.getFirst().size();
        List<Vector> columns = new ArrayList<>(columnCount);
        for (int c = 0; c < columnCount; c++) {
            List<Vector> parts = new ArrayList<>(partitions.size());
            for (List<Vector> partition : finished) {
                parts.add(partition.get(c));
            }
            columns.add(Vectors.concat(parts.getFirst().type(), parts));
        }
        if (!maintainOrder) {
            return columns;
        }
        List<long[]> positions = new ArrayList<>(partitions.size());
        int total = 0;
        for (GroupState partition : partitions) {
            long[] first = partition.firstPositions();
            positions.add(first);
            total += first.length;
        }
        long[] all = new long[total];
        int at = 0;
        for (long[] first : positions) {
            System.arraycopy(first, 0, all, at, first.length);
            at += first.length;
        }
        return take(columns, GroupState.orderOf(all));
    }

    private static List<Vector> take(List<Vector> columns, int[] order) {
        List<Vector> ordered = new ArrayList<>(columns.size());
        for (Vector column : columns) {
            ordered.add(column.take(order, order.length));
        }
        return ordered;
    }
}
