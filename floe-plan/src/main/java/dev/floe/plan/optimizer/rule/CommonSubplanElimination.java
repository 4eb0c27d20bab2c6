package dev.floe.plan.optimizer.rule;

import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.Transformed;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code eliminate_common_subplans}: a subtree that occurs more than once (equal records) is wrapped in
 * {@code Cache(subtree, id)} at every occurrence with one id, so the executor computes it once. Only the
 * largest repeated subtrees are wrapped; in-memory sources (already computed) and existing caches are left
 * alone, and nothing inside an existing Cache is counted, so the rule is idempotent. New ids start above
 * the largest id already in the plan.
 */
public final class CommonSubplanElimination implements OptimizerRule {
    @Override
    public String name() {
        return "eliminate_common_subplans";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        Map<LogicalPlan, Integer> counts = new HashMap<>();
        int[] maxId = {-1};
        count(plan, counts, maxId);
        if (counts.values().stream().noneMatch(c -> c > 1)) {
            return Transformed.no(plan);
        }
        Map<LogicalPlan, Integer> ids = new HashMap<>();
        int[] nextId = {maxId[0] + 1};
        LogicalPlan rewritten = wrap(plan, counts, ids, nextId);
        return Transformed.compare(plan, rewritten);
    }

    private static void count(LogicalPlan plan, Map<LogicalPlan, Integer> counts, int[] maxId) {
        if (plan instanceof Cache cache) {
            maxId[0] = Math.max(maxId[0], cache.id());
            countIds(cache.input(), maxId);
            return;
        }
        if (worthCaching(plan)) {
            counts.merge(plan, 1, Integer::sum);
        }
        for (LogicalPlan input : plan.inputs()) {
            count(input, counts, maxId);
        }
    }

    private static void countIds(LogicalPlan plan, int[] maxId) {
        if (plan instanceof Cache cache) {
            maxId[0] = Math.max(maxId[0], cache.id());
        }
        plan.inputs().forEach(input -> countIds(input, maxId));
    }

    private static boolean worthCaching(LogicalPlan plan) {
        return !(plan instanceof InMemory) && !(plan instanceof Cache);
    }

    private static LogicalPlan wrap(LogicalPlan plan, Map<LogicalPlan, Integer> counts, Map<LogicalPlan, Integer> ids,
            int[] nextId) {
        if (plan instanceof Cache) {
            return plan;
        }
        if (counts.getOrDefault(plan, 0) > 1) {
            int id = ids.computeIfAbsent(plan, p -> nextId[0]++);
            return new Cache(plan, id);
        }
        return Plans.withRewrittenInputs(plan, input -> wrap(input, counts, ids, nextId));
    }
}
