package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages of a distributed query in dependency order (every stage after the stages it reads); the last
 * stage is the root, which writes the result.
 */
public record StageGraph(List<Stage> stages) {
    public StageGraph {
        stages = List.copyOf(stages);
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
