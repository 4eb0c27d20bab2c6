package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import dev.floe.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of a distributed query: a plan fragment run once per partition, whose leaves are its source (split
 * per partition by {@code splits}, empty when the stage has no file or in-memory source) and shuffle inputs
 * ({@link ShuffleInputs} placeholders naming {@code inputStages}), and whose output is cut by {@code output}.
 * {@code keyRanges} says when the splits are a source's row groups split by key ranges ({@link KeyRanges}), the
 * reason such a stage joins or aggregates on that key with no shuffle.
 */
public record Stage(int id, LogicalPlan fragment, int partitions, Exchange output, List<Integer> inputStages,
        List<PartitionSplit> splits, Optional<KeyRanges> keyRanges) {
    public Stage(int id, LogicalPlan fragment, int partitions, Exchange output, List<Integer> inputStages,
            List<PartitionSplit> splits) {
        this(id, fragment, partitions, output, inputStages, splits, Optional.empty());
    }

    public Stage {
        Objects.requireNonNull(fragment, "fragment");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(keyRanges, "keyRanges");
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
