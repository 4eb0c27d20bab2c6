package dev.floe.exec.aggregate;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.expr.ValueOrder;
import java.util.Arrays;

/** min/max of the less common types (booleans, decimals, ...) through their Java values. */
final class ObjectMinMaxAccumulator implements Accumulator {
    private final DataType type;
    private final boolean max;
    private Object[] best = new Object[0];

    ObjectMinMaxAccumulator(DataType type, boolean max) {
        this.type = type;
        this.max = max;
    }

    @Override
    public void update(int[] groups, int groupCount, Vector input, long position) {
        best = Capacity.ensure(best, groupCount);
        for (int i = 0; i < groups.length; i++) {
            if (!input.isNull(i)) {
                offer(groups[i], input.getObject(i));
            }
        }
    }

    private void offer(int g, Object value) {
        Object current = best[g];
        if (current == null) {
            best[g] = value;
            return;
        }
        int comparison = ValueOrder.compareObjects(value, current);
        if (max ? comparison > 0 : comparison < 0) {
            best[g] = value;
        }
    }

    @Override
    public void merge(Accumulator other, int[] sources, int[] targets, int count, int groupCount) {
        ObjectMinMaxAccumulator that = (ObjectMinMaxAccumulator) other;
        best = Capacity.ensure(best, groupCount);
        for (int k = 0; k < count; k++) {
            int g = sources[k];
            int target = targets[k];
            if (g >= that.best.length) {
                continue;
            }
            if (that.best[g] != null) {
                offer(target, that.best[g]);
            }
        }
    }

    @Override
    public Vector finish(int groupCount) {
        best = Capacity.ensure(best, groupCount);
        return Vectors.fromObjects(type, Arrays.asList(Arrays.copyOf(best, groupCount)));
    }
}
