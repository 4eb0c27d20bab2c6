package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Numbers;
import java.util.HashSet;
import java.util.Set;

/** n_unique per group: distinct values, null counted as one value. */
final class DistinctCountAccumulator implements Accumulator {
    private static final Object NULL = new Object();
    private final DataType type;
    private Set<Object>[] sets = newSets(0);

    DistinctCountAccumulator(DataType type) {
        this.type = type;
    }

    @SuppressWarnings("unchecked")
    private static Set<Object>[] newSets(int size) {
        return (Set<Object>[]) new Set<?>[size];
    }

    private Set<Object> set(int g) {
        Set<Object> set = sets[g];
        if (set == null) {
            set = new HashSet<>();
            sets[g] = set;
        }
        return set;
    }

    @Override
    public void update(int[] groups, int groupCount, Vector input, long position) {
        sets = Capacity.ensure(sets, groupCount);
        for (int i = 0; i < groups.length; i++) {
            Object value = input.getObject(i);
            set(groups[i]).add(value == null ? NULL : value instanceof byte[] b ? java.nio.ByteBuffer.wrap(b) : value);
        }
    }

    @Override
    public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
        DistinctCountAccumulator that = (DistinctCountAccumulator) other;
        sets = Capacity.ensure(sets, groupCount);
        for (int k = 0; k < count; k++) {
            int g = sources[k];
            int target = targets[k];
            if (g >= that.sets.length) {
                continue;
            }
            if (that.sets[g] != null) {
                set(target).addAll(that.sets[g]);
            }
        }
    }

    @Override
    public Vector finish(int groupCount) {
        sets = Capacity.ensure(sets, groupCount);
        long[] counts = new long[groupCount];
        for (int g = 0; g < groupCount; g++) {
            counts[g] = sets[g] == null ? 0 : sets[g].size();
        }
        return Numbers.fromLongs(type, counts, null, groupCount);
    }
}
