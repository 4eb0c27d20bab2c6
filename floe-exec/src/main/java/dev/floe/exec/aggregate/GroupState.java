package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.hash.GroupTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One thread's partial aggregation: the group table of the keys, an accumulator per aggregate and the
 * position of each group's first row (to order groups by first appearance).
 */
public final class GroupState {
    private final List<Evaluator> keys;
    private final List<AggregateInput> aggregates;
    private final GroupTable table;
    private final Accumulator[] accumulators;
    private final boolean trackFirstPositions;
    private long[] firstPositions = new long[0];

    public GroupState(List<Evaluator> keys, List<DataType> keyTypes, List<AggregateInput> aggregates) {
        this(keys, keyTypes, aggregates, true);
    }

    /**
     * With {@code trackFirstPositions} false the state does not record where each group first appeared (a
     * scan over every batch's group ids): its groups can then not be put in order of first appearance.
     */
    public GroupState(List<Evaluator> keys, List<DataType> keyTypes, List<AggregateInput> aggregates,
            boolean trackFirstPositions) {
        this.trackFirstPositions = trackFirstPositions;
        this.keys = keys;
        this.aggregates = aggregates;
        this.table = keys.isEmpty() ? null : GroupTable.create(keyTypes);
        this.accumulators = new Accumulator[aggregates.size()];
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = aggregates.get(i).newAccumulator();
        }
    }

    public int groupCount() {
        return table == null ? 1 : table.groupCount();
    }

    /** Adds a batch whose first row has global position {@code position}; returns the rows' group ids. */
    public int[] add(Batch batch, long position) {
        int n = batch.rowCount();
        int[] groups;
        int before = groupCount();
        if (table == null) {
            groups = new int[n];
        } else {
            List<Vector> keyVectors = new ArrayList<>(keys.size());
            for (Evaluator key : keys) {
                keyVectors.add(key.evaluate(batch));
            }
            groups = table.groupIds(keyVectors, n);
        }
        int groupCount = groupCount();
        if (trackFirstPositions) {
            recordFirstPositions(groups, before, groupCount, position);
        }
        for (int a = 0; a < accumulators.length; a++) {
            Evaluator input = aggregates.get(a).input();
            accumulators[a].update(groups, groupCount, input == null ? null : input.evaluate(batch), position);
        }
        return groups;
    }

    private void recordFirstPositions(int[] groups, int before, int groupCount, long position) {
        if (firstPositions.length < groupCount) {
            int old = firstPositions.length;
            firstPositions = Capacity.ensure(firstPositions, groupCount);
            Arrays.fill(firstPositions, old, firstPositions.length, Long.MAX_VALUE);
        }
        if (groupCount == before) {
            return;
        }
        for (int i = 0; i < groups.length; i++) {
            int g = groups[i];
            if (g >= before && firstPositions[g] == Long.MAX_VALUE) {
                firstPositions[g] = position + i;
            }
        }
    }

    /** Folds another thread's partial state into this one. */
    void merge(GroupState other) {
        int[] mapping;
        if (table == null) {
            mapping = new int[] {0};
        } else {
            mapping = table.mergeFrom(other.table);
        }
        int[] sources = new int[mapping.length];
        for (int g = 0; g < sources.length; g++) {
            sources[g] = g;
        }
        fold(other, sources, mapping, mapping.length);
    }

    /**
     * Folds groups {@code sources[0 .. count)} of another thread's partial state into this one, inserting their
     * keys: {@code keys} holds those groups' key values, row {@code k} for group {@code sources[k]}.
     */
    void mergeGroups(GroupState other, List<Vector> keys, int[] sources, int count) {
        fold(other, sources, table.groupIds(keys, count), count);
    }

    private void fold(GroupState other, int[] sources, int[] targets, int count) {
        int groupCount = groupCount();
        if (trackFirstPositions) {
            foldFirstPositions(other, sources, targets, count, groupCount);
        }
        for (int a = 0; a < accumulators.length; a++) {
            accumulators[a].merge(other.accumulators[a], sources, targets, count, groupCount);
        }
    }

    private void foldFirstPositions(GroupState other, int[] sources, int[] targets, int count, int groupCount) {
        if (firstPositions.length < groupCount) {
            int old = firstPositions.length;
            firstPositions = Capacity.ensure(firstPositions, groupCount);
            Arrays.fill(firstPositions, old, firstPositions.length, Long.MAX_VALUE);
        }
        long[] otherPositions = other.firstPositions;
        for (int k = 0; k < count; k++) {
            int source = sources[k];
            if (source < otherPositions.length) {
                firstPositions[targets[k]] = Math.min(firstPositions[targets[k]], otherPositions[source]);
            }
        }
    }

    /** The key columns, one row per group in group-id order; empty without keys. */
    List<Vector> keyColumns() {
        return table == null ? List.of() : table.keyColumns();
    }

    /** The position of each group's first row, in group-id order. */
    long[] firstPositions() {
        int groupCount = groupCount();
        long[] positions = Arrays.copyOf(firstPositions, groupCount);
        if (firstPositions.length < groupCount) {
            Arrays.fill(positions, firstPositions.length, groupCount, Long.MAX_VALUE);
        }
        return positions;
    }

    /** The key columns then one column per aggregate, one row per group in group-id order. */
    public List<Vector> finish() {
        int groupCount = groupCount();
        List<Vector> columns = new ArrayList<>();
        if (table != null) {
            columns.addAll(table.keyColumns());
        }
        for (Accumulator accumulator : accumulators) {
            columns.add(accumulator.finish(groupCount));
        }
        return columns;
    }

    /** The group ids ordered by the position of each group's first row. */
    int[] orderOfFirstAppearance() {
        return orderOf(firstPositions());
    }

    /** Indices {@code 0 .. positions.length} ordered by their position. */
    static int[] orderOf(long[] positions) {
        return dev.floe.exec.sort.IndexSorter.sortedIndices(positions.length,
                (a, b) -> Long.compare(positions[a], positions[b]));
    }
}
