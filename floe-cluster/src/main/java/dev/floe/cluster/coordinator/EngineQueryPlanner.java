package dev.floe.cluster.coordinator;

import dev.floe.cluster.DistributedOptions;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;

/**
 * Plans submitted serialized logical plans with the distributed planner. Decoding needs the plan codec of the
 * API module, which this build does not include yet, so a plan submission gets a clear INVALID_PLAN error;
 * pre-planned stage submissions work.
 */
public final class EngineQueryPlanner implements QueryPlanner {
    @Override
    public Planned plan(byte[] serializedPlan, DistributedOptions options, int workers) {
        throw new FloeException(ErrorCode.INVALID_PLAN, "this coordinator cannot decode serialized plans yet (the "
                + "plan codec is not in this build); got " + serializedPlan.length + " bytes");
    }
}
