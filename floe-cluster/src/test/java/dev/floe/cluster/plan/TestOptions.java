package dev.floe.cluster.plan;

import dev.floe.cluster.DistributedOptions;

/** The default distributed options for workers of two task slots each, as the planner tests plan for. */
final class TestOptions {
    private TestOptions() {
    }

    static DistributedOptions defaults() {
        return DistributedOptions.defaults().forSlotsPerWorker(2);
    }
}
