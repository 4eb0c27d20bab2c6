package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stages of a distributed query in dependency order (every stage after the stages it reads); the last
 * stage is the root, which writes the result. Some join stages may have a second variant chosen at run time
 * ({@link AdaptiveJoin}).
 */
public record StageGraph(List<Stage> stages, List<AdaptiveJoin> adaptive) {
    public StageGraph {
        stages = List.copyOf(stages);
        adaptive = List.copyOf(adaptive);
        if (stages.isEmpty()) {
            throw FloeException.internal("a stage graph needs at least one stage");
        }
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (stage.id() != i) {
                throw FloeException.internal("stage at position " + i + " has id " + stage.id());
            }
            for (int input : stage.inputStages()) {
                if (input >= i) {
                    throw FloeException.internal("stage " + i + " reads stage " + input + " which is not before it");
                }
            }
        }
        for (AdaptiveJoin join : adaptive) {
            if (join.joinStage() >= stages.size()) {
                throw FloeException.internal("adaptive join of stage " + join.joinStage() + " in a graph of "
                        + stages.size() + " stages");
            }
            if (!join.broadcastVariant().output().equals(stages.get(join.joinStage()).output())) {
                throw FloeException.internal("the broadcast variant of stage " + join.joinStage()
                        + " writes another output");
            }
        }
    }

    public StageGraph(List<Stage> stages) {
        this(stages, List.of());
    }

    /** The run-time choice of stage {@code id}, if it has one. */
    public Optional<AdaptiveJoin> adaptiveJoin(int id) {
        return adaptive.stream().filter(join -> join.joinStage() == id).findFirst();
    }

    public Stage root() {
        return stages.getLast();
    }

    public Stage stage(int id) {
        return stages.get(id);
    }

    /** The stages that read the output of {@code id}. */
    public List<Stage> consumers(int id) {
        List<Stage> result = new ArrayList<>();
        for (Stage stage : stages) {
            if (stage.inputStages().contains(id)) {
                result.add(stage);
            }
        }
        return result;
    }
}
