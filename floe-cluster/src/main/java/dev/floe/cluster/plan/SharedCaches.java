package dev.floe.cluster.plan;

import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the optimizer's {@link Cache} nodes where they pay inside one stage fragment: a cache whose consumers
 * land in the same fragment (every node of its id there has the same input) stays, so each task computes the
 * shared subplan once, like the local engine; a cache seen once in a fragment (its other consumers are in other
 * stages) or with differing inputs (one consumer's copy was changed, such as a broadcast side read whole) is
 * removed, so its rows stream instead of being materialized.
 */
final class SharedCaches {
    private SharedCaches() {
    }

    /** {@code fragment} with only the caches that more than one consumer in it reads. */
    static LogicalPlan keepShared(LogicalPlan fragment) {
        Map<Integer, List<LogicalPlan>> inputsById = new HashMap<>();
        collect(fragment, inputsById);
        if (inputsById.isEmpty()) {
            return fragment;
        }
        Map<Integer, Boolean> shared = new HashMap<>();
        inputsById.forEach((id, inputs) -> shared.put(id,
                inputs.size() > 1 && inputs.stream().allMatch(input -> Objects.equals(input, inputs.getFirst()))));
        return rewrite(fragment, shared);
    }

    private static void collect(LogicalPlan plan, Map<Integer, List<LogicalPlan>> inputsById) {
        if (plan instanceof Cache cache) {
            inputsById.computeIfAbsent(cache.id(), id -> new ArrayList<>()).add(cache.input());
        }
        for (LogicalPlan input : plan.inputs()) {
            collect(input, inputsById);
        }
    }

    private static LogicalPlan rewrite(LogicalPlan plan, Map<Integer, Boolean> shared) {
        if (plan instanceof Cache cache && !shared.get(cache.id())) {
            return rewrite(cache.input(), shared);
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        for (LogicalPlan input : plan.inputs()) {
            inputs.add(rewrite(input, shared));
        }
        return inputs.isEmpty() ? plan : plan.withInputs(inputs);
    }
}
