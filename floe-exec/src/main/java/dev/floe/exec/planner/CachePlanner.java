package dev.floe.exec.planner;

import dev.floe.core.vector.Batch;
import dev.floe.plan.logical.Cache;
import java.util.List;

/** cache: the input is computed once per query and its batches shared by every Cache node with the same id. */
final class CachePlanner {
    private CachePlanner() {
    }

    static List<Batch> batches(Cache cache, PhysicalPlanner planner) {
        List<Batch> cached = planner.context().caches().get(cache.id());
        if (cached == null) {
            cached = planner.materialize(cache.input());
            planner.context().caches().put(cache.id(), cached);
        }
        return cached;
    }
}
