package dev.floe.cluster.worker;

import dev.floe.cluster.plan.FragmentBinder;
import dev.floe.cluster.plan.ShuffleInputFiles;
import dev.floe.cluster.plan.ShuffleInputs;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells which join build sides of a task read the same rows in every task of its stage, and names them the same
 * way in every task: a side whose leaves are all broadcast inputs or sources every task reads whole. In the key,
 * a broadcast input is its placeholder (the stage it reads), not the files this task fetched for it; any other
 * leaf (the stage's own split, a hash-partitioned or forwarded input, in-memory rows) makes the side the task's
 * own.
 */
final class SharedSideKeys implements Function<LogicalPlan, Optional<LogicalPlan>> {
    /** The scans the broadcast inputs were bound to, each with the placeholder it replaced. */
    private final Map<LogicalPlan, LogicalPlan> broadcasts;

    private SharedSideKeys(Map<LogicalPlan, LogicalPlan> broadcasts) {
        this.broadcasts = broadcasts;
    }

    /** The keys of a task running {@code fragment} with its shuffle inputs bound to {@code inputs}. */
    static SharedSideKeys of(LogicalPlan fragment, Map<Integer, ShuffleInputFiles> inputs) {
        Map<LogicalPlan, LogicalPlan> broadcasts = new HashMap<>();
        collect(fragment, inputs, broadcasts);
        return new SharedSideKeys(broadcasts);
    }

    private static void collect(LogicalPlan plan, Map<Integer, ShuffleInputFiles> inputs,
            Map<LogicalPlan, LogicalPlan> broadcasts) {
        if (ShuffleInputs.isBroadcast(plan)) {
            broadcasts.put(FragmentBinder.bindInputs(plan, inputs), plan);
            return;
        }
        for (LogicalPlan input : plan.inputs()) {
            collect(input, inputs, broadcasts);
        }
    }

    /** The key plan of a bound build side, or empty when the side is this task's own. */
    @Override
    public Optional<LogicalPlan> apply(LogicalPlan side) {
        if (side instanceof Scan scan) {
            LogicalPlan placeholder = broadcasts.get(scan);
            if (placeholder != null) {
                return Optional.of(placeholder);
            }
            boolean whole = scan.source().options().containsKey(FragmentBinder.WHOLE_OPTION)
                    && ShuffleInputs.stageOf(scan).isEmpty();
            return whole ? Optional.of(scan) : Optional.empty();
        }
        if (side.inputs().isEmpty()) {
            return Optional.empty();
        }
        List<LogicalPlan> keys = new ArrayList<>();
        for (LogicalPlan input : side.inputs()) {
            Optional<LogicalPlan> key = apply(input);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            keys.add(key.get());
        }
        return Optional.of(side.withInputs(keys));
    }
}
