package dev.floe.cluster.plan;

import dev.floe.cluster.protocol.AdaptiveChoice;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Turns a {@link StageGraph} into the stages the scheduler runs: one encoded fragment per partition, for the engine runner. */
public final class StageJobs {
    /** The runner name of the engine: workers run these payloads with the local executor. */
    public static final String ENGINE_RUNNER = "engine";

    private StageJobs() {
    }

    public static List<JobStage> of(StageGraph graph, Function<LogicalPlan, byte[]> encoder) {
        List<JobStage> stages = new ArrayList<>();
        for (Stage stage : graph.stages()) {
            stages.add(job(stage, encoder));
        }
        return stages;
    }

    /** The run-time choices of {@code graph}, their broadcast variants encoded like the stages. */
    public static List<AdaptiveChoice> adaptive(StageGraph graph, Function<LogicalPlan, byte[]> encoder) {
        List<AdaptiveChoice> choices = new ArrayList<>();
        for (AdaptiveJoin join : graph.adaptive()) {
            choices.add(new AdaptiveChoice(join.smallStage(), join.heldStage(), join.maxRows(),
                    job(join.broadcastVariant(), encoder)));
        }
        return choices;
    }

    private static JobStage job(Stage stage, Function<LogicalPlan, byte[]> encoder) {
        List<byte[]> payloads = new ArrayList<>();
        if (stage.splits().isEmpty()) {
            payloads.add(encoder.apply(stage.fragment()));
        } else {
            for (int p = 0; p < stage.partitions(); p++) {
                payloads.add(encoder.apply(FragmentBinder.bindSplit(stage, p)));
            }
        }
        return new JobStage(stage.id(), stage.partitions(), stage.inputStages(), stage.output(), ENGINE_RUNNER,
                payloads);
    }
}
