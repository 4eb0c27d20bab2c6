package dev.floe.cluster.coordinator;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.protocol.AdaptiveChoice;
import dev.floe.cluster.protocol.JobStage;
import java.util.List;

/** Turns a submitted serialized plan into the stages the scheduler runs, with the stage graph's text. */
@FunctionalInterface
public interface QueryPlanner {
    /**
     * Planned stages, their explanation, a short name per stage for the progress lines and the stages run one of
     * two ways decided at run time.
     */
    record Planned(List<JobStage> stages, String explain, List<String> labels, List<AdaptiveChoice> adaptive) {
        public Planned {
            stages = List.copyOf(stages);
            labels = List.copyOf(labels);
            adaptive = List.copyOf(adaptive);
        }

        public Planned(List<JobStage> stages, String explain, List<String> labels) {
            this(stages, explain, labels, List.of());
        }

        public Planned(List<JobStage> stages, String explain) {
            this(stages, explain, List.of());
        }
    }

    Planned plan(byte[] serializedPlan, DistributedOptions options, int workers);

    /** Plans an unresolved DSL plan (resolve, optimize, cut); planners that only take logical plans refuse it. */
    default Planned planDsl(byte[] serializedDsl, DistributedOptions options, int workers) {
        throw new dev.floe.core.FloeException(dev.floe.core.ErrorCode.INVALID_PLAN,
                "this coordinator accepts resolved logical plans only, not DSL plans");
    }
}
