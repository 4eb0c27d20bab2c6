package dev.floe.cluster.plan;

import dev.floe.io.ScanSource;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Union branches that read the same split of the same source in every partition (typically one table scanned
 * through the optimizer's shared {@link dev.floe.plan.logical.Cache}, as in q07's two nation pairs) run in ONE
 * stage: partition {@code i} binds split {@code i} once and computes every branch from it, instead of one stage
 * per branch each scanning the table again. Branches qualify when they have the same partition count, equal
 * non-empty splits of one file source, and read other stages only whole (broadcast) or, when split by key ranges,
 * by a range exchange on the same ranges ({@link StageBuilder#readsWholeOrRanged}), so partition {@code i} of every
 * input matches split {@code i}.
 */
final class CoPartitionedUnion {
    private CoPartitionedUnion() {
    }

    /** Whether {@code branches} can share one stage (see the class comment). */
    static boolean applies(List<PlanPart> branches, StageBuilder stages) {
        if (branches.size() < 2) {
            return false;
        }
        PlanPart first = branches.getFirst();
        if (first.splits().isEmpty()) {
            return false;
        }
        Optional<ScanSource> source = splitSource(first.plan());
        if (source.isEmpty()) {
            return false;
        }
        for (PlanPart branch : branches) {
            if (branch.partitions() != first.partitions() || !branch.splits().equals(first.splits())
                    || !splitSource(branch.plan()).equals(source)
                    || !stages.readsWholeOrRanged(branch)) {
                return false;
            }
        }
        return true;
    }

    /** The one stage part computing {@code union} (whose inputs are the branches' plans, possibly extended). */
    static PlanPart of(List<PlanPart> branches, LogicalPlan union) {
        List<Integer> inputs = new ArrayList<>();
        branches.forEach(branch -> inputs.addAll(branch.inputs()));
        PlanPart first = branches.getFirst();
        return new PlanPart(union, first.partitions(), inputs, first.splits(), Partitioning.NONE);
    }

    /** The one file source the split of {@code plan} narrows, empty when it has none, several, or in-memory data. */
    static Optional<ScanSource> splitSource(LogicalPlan plan) {
        Set<ScanSource> sources = new HashSet<>();
        boolean[] memory = {false};
        collect(plan, sources, memory);
        return sources.size() == 1 && !memory[0] ? Optional.of(sources.iterator().next()) : Optional.empty();
    }

    private static void collect(LogicalPlan plan, Set<ScanSource> sources, boolean[] memory) {
        if (plan instanceof Scan scan && FragmentBinder.isSplitLeaf(scan)) {
            sources.add(scan.source());
            return;
        }
        if (plan instanceof InMemory) {
            memory[0] = true;
            return;
        }
        for (LogicalPlan input : plan.inputs()) {
            collect(input, sources, memory);
        }
    }
}
