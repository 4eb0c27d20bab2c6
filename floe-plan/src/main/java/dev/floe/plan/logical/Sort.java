package dev.floe.plan.logical;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import java.util.List;
import java.util.Objects;

/**
 * Orders rows by the keys (the first key first). Stable when {@code maintainOrder}. With {@code limit >= 0}
 * only the first {@code limit} rows are kept (a top-k; the optimizer makes one from sort + head).
 */
public record Sort(LogicalPlan input, List<SortKey> keys, boolean maintainOrder, long limit) implements LogicalPlan {
    public Sort {
        Objects.requireNonNull(input, "input");
        keys = List.copyOf(keys);
        if (keys.isEmpty()) {
            throw FloeException.internal("a sort needs at least one key");
        }
        for (SortKey key : keys) {
            PlanChecks.columnsExist(key.expr(), input.schema(), "sort key");
        }
        if (limit < -1) {
            throw FloeException.internal("sort limit " + limit);
        }
    }

    @Override
    public Schema schema() {
        return input.schema();
    }

    @Override
    public List<LogicalPlan> inputs() {
        return List.of(input);
    }

    @Override
    public LogicalPlan withInputs(List<LogicalPlan> inputs) {
        PlanChecks.arity(this, inputs, 1);
        return new Sort(inputs.getFirst(), keys, maintainOrder, limit);
    }
}
