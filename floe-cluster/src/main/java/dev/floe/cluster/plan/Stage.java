package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import dev.floe.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Objects;

/**
 * One stage of a distributed query: a plan fragment run once per partition, whose leaves are its source (split
 * per partition by {@code splits}, empty when the stage has no file or in-memory source) and shuffle inputs
 * ({@link ShuffleInputs} placeholders naming {@code inputStages}), and whose output is cut by {@code output}.
 */
public record Stage(int id, LogicalPlan fragment, int partitions, Exchange output, List<Integer> inputStages,
        List<PartitionSplit> splits) {
    public Stage {
        Objects.requireNonNull(fragment, "fragment");
        Objects.requireNonNull(output, "output");
        inputStages = List.copyOf(inputStages);
        splits = List.copyOf(splits);
        if (partitions < 1) {
            throw FloeException.internal("stage " + id + " with " + partitions + " partitions");
        }
        if (!splits.isEmpty() && splits.size() != partitions) {
            throw FloeException.internal("stage " + id + " has " + partitions + " partitions but " + splits.size()
                    + " source splits");
        }
    }
}
