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
    private long[] firstPositions = new long[0];

    public GroupState(List<Evaluator> keys, List<DataType> keyTypes, List<AggregateInput> aggregates) {
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
        recordFirstPositions(groups, before, groupCount, position);
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
        int groupCount = groupCount();
        if (firstPositions.length < groupCount) {
            int old = firstPositions.length;
            firstPositions = Capacity.ensure(firstPositions, groupCount);
            Arrays.fill(firstPositions, old, firstPositions.length, Long.MAX_VALUE);
        }
        for (int g = 0; g < mapping.length && g < other.firstPositions.length; g++) {
            firstPositions[mapping[g]] = Math.min(firstPositions[mapping[g]], other.firstPositions[g]);
        }
        for (int a = 0; a < accumulators.length; a++) {
            accumulators[a].merge(other.accumulators[a], mapping, groupCount);
        }
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
        int groupCount = groupCount();
        long[] positions = Capacity.ensure(firstPositions, groupCount);
        return dev.floe.exec.sort.IndexSorter.sortedIndices(groupCount, (a, b) -> Long.compare(positions[a], positions[b]));
    }
}
