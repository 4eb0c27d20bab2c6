package dev.floe.cluster.plan;

import dev.floe.plan.logical.LogicalPlan;
import java.util.List;

/**
 * A subtree being built inside the current stage of a {@link DistributedPlanner}: its plan, partition count,
 * the stages it reads, its source splits and how its rows are placed over the partitions.
 */
record PlanPart(LogicalPlan plan, int partitions, List<Integer> inputs, List<PartitionSplit> splits,
        Partitioning partitioning) {
    PlanPart {
        inputs = inputs.stream().distinct().toList();
        splits = List.copyOf(splits);
    }

    /** The same rows, placed the same way, computed by {@code newPlan}. */
    PlanPart with(LogicalPlan newPlan) {
        return new PlanPart(newPlan, partitions, inputs, splits, partitioning);
    }

    PlanPart with(LogicalPlan newPlan, Partitioning newPartitioning) {
        return new PlanPart(newPlan, partitions, inputs, splits, newPartitioning);
    }
}
