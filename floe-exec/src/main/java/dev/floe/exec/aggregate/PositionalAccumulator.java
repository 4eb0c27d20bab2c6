package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * first or last value per group (nulls included), by global row position: each group remembers the vector
 * and row of its best position so far; values are read only when finishing.
 */
final class PositionalAccumulator implements Accumulator {
    private final DataType type;
    private final boolean last;
    private Vector[] sources = new Vector[0];
    private int[] rows = new int[0];
    private long[] positions = new long[0];

    PositionalAccumulator(DataType type, boolean last) {
        this.type = type;
        this.last = last;
    }

    private void ensure(int groupCount) {
        int before = positions.length;
        sources = Capacity.ensure(sources, groupCount);
        rows = Capacity.ensure(rows, groupCount);
        positions = Capacity.ensure(positions, groupCount);
        if (positions.length > before) {
            Arrays.fill(positions, before, positions.length, last ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
    }

    @Override
    public void update(int[] groups, int groupCount, Vector input, long position) {
        ensure(groupCount);
        for (int i = 0; i < groups.length; i++) {
            offer(groups[i], input, i, position + i);
        }
    }

    private void offer(int g, Vector source, int row, long position) {
        if (last ? position > positions[g] : position < positions[g]) {
            positions[g] = position;
            sources[g] = source;
            rows[g] = row;
        }
    }

    @Override
    public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
        PositionalAccumulator that = (PositionalAccumulator) other;
        ensure(groupCount);
        for (int k = 0; k < count; k++) {
            int g = sources[k];
            int target = targets[k];
            if (g >= that.sources.length) {
                continue;
            }
            if (that.sources[g] != null) {
                offer(target, that.sources[g], that.rows[g], that.positions[g]);
            }
        }
    }

    @Override
    public Vector finish(int groupCount) {
        ensure(groupCount);
        List<Object> values = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            values.add(sources[g] == null ? null : sources[g].getObject(rows[g]));
        }
        return Vectors.fromObjects(type, values);
    }
}
