package dev.floe.cluster.plan;

import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stages of a graph being cut by the {@link DistributedPlanner}: closes subtrees as stages (sharing identical
 * ones) and returns the reading side of each exchange, knowing how the rows of a hash exchange are placed so that
 * a subtree already hashed on some keys is not shuffled again.
 */
final class StageBuilder {
    private final List<Stage> stages = new ArrayList<>();
    private final int partitions;

    StageBuilder(int partitions) {
        this.partitions = partitions;
    }

    /** The partition count of every hash exchange. */
    int partitions() {
        return partitions;
    }

    /** The stages cut so far, in order. */
    List<Stage> cutSoFar() {
        return List.copyOf(stages);
    }

    StageGraph graph() {
        return new StageGraph(stages);
    }

    /** How the stage {@code id} already cut writes its output. */
    Exchange output(int id) {
        return stages.get(id).output();
    }

    /**
     * Closes {@code part} as a stage, or returns the stage already cut with the same fragment, inputs, splits
     * and output: identical subplans (the optimizer's shared subplans, a table scanned the same way twice) are
     * computed once and their shuffle output is read by every consumer. The fragment keeps only the caches that
     * more than one of its consumers reads ({@link SharedCaches}).
     */
    int cut(PlanPart part, Exchange output) {
        OptionalInt existing = existing(part, output);
        if (existing.isPresent()) {
            return existing.getAsInt();
        }
        int id = stages.size();
        stages.add(new Stage(id, SharedCaches.keepShared(part.plan()), part.partitions(), output, part.inputs(),
                part.splits()));
        return id;
    }

    /** The stage already cut that {@link #cut} would return for {@code part} and {@code output}, if any. */
    OptionalInt existing(PlanPart part, Exchange output) {
        if (output instanceof Exchange.Result) {
            return OptionalInt.empty();
        }
        LogicalPlan fragment = SharedCaches.keepShared(part.plan());
        for (Stage existing : stages) {
            if (existing.output().equals(output) && existing.partitions() == part.partitions()
                    && existing.inputStages().equals(part.inputs()) && existing.splits().equals(part.splits())
                    && existing.fragment().equals(fragment)) {
                return OptionalInt.of(existing.id());
            }
        }
        return OptionalInt.empty();
    }

    /** Closes {@code part} as a stage with {@code output} and returns the reading side in a new stage. */
    PlanPart exchange(PlanPart part, Exchange output, int readerPartitions) {
        int id = cut(part, output);
        Partitioning placed = output instanceof Exchange.Hash hash ? Partitioning.hashed(hash.keys())
                : Partitioning.NONE;
        return new PlanPart(ShuffleInputs.placeholder(id, part.plan().schema()), readerPartitions, List.of(id),
                List.of(), placed);
    }

    PlanPart single(PlanPart part) {
        return part.partitions() == 1 ? part : exchange(part, new Exchange.Gather(), 1);
    }

    /** {@code part} hash-partitioned on {@code keys}: as it is when its rows are already placed that way. */
    PlanPart hash(PlanPart part, List<String> keys) {
        if (hashedOn(part, keys)) {
            return part;
        }
        return exchange(part, new Exchange.Hash(keys, partitions), partitions);
    }

    boolean hashedOn(PlanPart part, List<String> keys) {
        return part.partitions() == partitions && part.partitioning().hashedOn(keys);
    }

    /** How {@code part}'s rows are placed, as far as a hash exchange of this plan would place them. */
    Partitioning placement(PlanPart part) {
        return part.partitions() == partitions ? part.partitioning() : Partitioning.NONE;
    }

    /** The key list {@code part}'s rows are hashed on, when all its columns are among {@code columns}. */
    Optional<List<String>> hashedWithin(PlanPart part, List<String> columns) {
        return part.partitions() == partitions ? part.partitioning().within(columns) : Optional.empty();
    }
}
