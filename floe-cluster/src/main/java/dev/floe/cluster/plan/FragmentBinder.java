package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.ipc.IpcPartitions;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Makes the plan one task runs: on the coordinator, the stage's source leaf is narrowed to the partition's split
 * ({@link #bindSplit}); on the worker, each shuffle input placeholder becomes a scan of the Arrow IPC files
 * fetched for the task ({@link #bindInputs}). The result is an ordinary plan for the local executor.
 */
public final class FragmentBinder {
    /** The scan option that marks a source every task reads whole (a small broadcast side), not the stage's split. */
    public static final String WHOLE_OPTION = "floe.scan.whole";

    private FragmentBinder() {
    }

    /** {@code plan} with its file scans marked to be read whole by every task of a stage with a split source. */
    static LogicalPlan wholeSources(LogicalPlan plan) {
        if (plan instanceof Scan scan && ShuffleInputs.stageOf(scan).isEmpty()) {
            Map<String, String> options = new TreeMap<>(scan.source().options());
            options.put(WHOLE_OPTION, "true");
            ScanSource source = new ScanSource(scan.source().format(), scan.source().paths(), options);
            return new Scan(source, scan.tableSchema(), scan.projection(), scan.predicate(), scan.limit());
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        for (LogicalPlan input : plan.inputs()) {
            inputs.add(wholeSources(input));
        }
        return inputs.isEmpty() ? plan : plan.withInputs(inputs);
    }

    /** The fragment of {@code stage} for {@code partition}: its source reads only that partition's share. */
    public static LogicalPlan bindSplit(Stage stage, int partition) {
        if (stage.splits().isEmpty()) {
            return stage.fragment();
        }
        PartitionSplit split = stage.splits().get(partition);
        List<Object> bound = new ArrayList<>();
        LogicalPlan result = replaceSources(stage.fragment(), split, bound, new HashMap<>());
        if (bound.size() != 1) {
            throw FloeException.internal("stage " + stage.id() + " has " + bound.size() + " split sources; one expected");
        }
        return result;
    }

    /** Whether {@code scan} is a stage's split source: a file scan that is neither a shuffle input nor read whole. */
    static boolean isSplitLeaf(Scan scan) {
        return ShuffleInputs.stageOf(scan).isEmpty() && !scan.source().options().containsKey(WHOLE_OPTION);
    }

    /**
     * {@code plan} with its split source narrowed; a cache shared inside the fragment ({@link SharedCaches}) is
     * bound once and reused, so its copies stay identical and its source counts once. Several scans of one
     * source (the co-partitioned branches of a union, {@link CoPartitionedUnion}) each read the same split and
     * count as one source; {@code bound} collects the distinct sources (an in-memory leaf is always distinct).
     */
    private static LogicalPlan replaceSources(LogicalPlan plan, PartitionSplit split, List<Object> bound,
            Map<Integer, LogicalPlan> caches) {
        if (plan instanceof Cache cache) {
            LogicalPlan seen = caches.get(cache.id());
            if (seen == null) {
                seen = cache.withInputs(List.of(replaceSources(cache.input(), split, bound, caches)));
                caches.put(cache.id(), seen);
            }
            return seen;
        }
        if (plan instanceof Scan scan && isSplitLeaf(scan)) {
            if (!bound.contains(scan.source())) {
                bound.add(scan.source());
            }
            return switch (split) {
                case PartitionSplit.ScanSplit scanSplit -> ScanTaskSelection.narrow(scan, scanSplit.tasks());
                case PartitionSplit.MemorySplit memory -> throw FloeException.internal(
                        "an in-memory split for a file scan");
            };
        }
        if (plan instanceof InMemory memory) {
            bound.add(memory);
            return switch (split) {
                case PartitionSplit.MemorySplit memorySplit -> new InMemory(memory.schema(), memorySplit.batches());
                case PartitionSplit.ScanSplit scanSplit -> throw FloeException.internal(
                        "a scan split for in-memory data");
            };
        }
        List<LogicalPlan> inputs = new ArrayList<>();
        for (LogicalPlan input : plan.inputs()) {
            inputs.add(replaceSources(input, split, bound, caches));
        }
        return inputs.isEmpty() ? plan : plan.withInputs(inputs);
    }

    /** Replaces every shuffle input placeholder with a scan of the local files fetched for its stage. */
    public static LogicalPlan bindInputs(LogicalPlan plan, Map<Integer, ShuffleInputFiles> inputs) {
        OptionalInt stage = ShuffleInputs.stageOf(plan);
        if (stage.isPresent()) {
            ShuffleInputFiles input = inputs.get(stage.getAsInt());
            if (input == null || input.files().isEmpty()) {
                throw FloeException.internal("no fetched files for shuffle input of stage " + stage.getAsInt());
            }
            Scan placeholder = (Scan) plan;
            Map<String, String> options = input.partition() == ShuffleInputFiles.WHOLE ? Map.of()
                    : Map.of(IpcPartitions.OPTION, Integer.toString(input.partition()));
            ScanSource source = new ScanSource(FileFormat.IPC, input.files().stream().map(Path::toString).toList(),
                    options);
            return Scan.of(source, placeholder.tableSchema());
        }
        List<LogicalPlan> rebound = new ArrayList<>();
        for (LogicalPlan input : plan.inputs()) {
            rebound.add(bindInputs(input, inputs));
        }
        return rebound.isEmpty() ? plan : plan.withInputs(rebound);
    }
}
