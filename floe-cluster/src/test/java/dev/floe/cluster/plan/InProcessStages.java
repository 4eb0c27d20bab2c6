package dev.floe.cluster.plan;

import dev.floe.core.vector.Batch;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.io.TableOpener;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriter;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.LogicalPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a stage graph in this process, stage by stage with the local executor over codec-round-tripped fragments,
 * the way the workers do: each task's fragment is bound to its split and to Arrow IPC files holding its share of
 * every input stage's rows (hash exchanges place rows by the hash of their key values, the same on both sides).
 */
final class InProcessStages {
    private static final LocalExecutor EXECUTOR = new LocalExecutor(ExecutionOptions.defaults().withThreads(1),
            ScanTaskSelection.opener(TableOpener.FILES));

    private final Path directory;
    /** Per stage, per reader partition, the batches it reads. */
    private final Map<Integer, List<List<Batch>>> outputs = new HashMap<>();
    private int files;

    InProcessStages(Path directory) {
        this.directory = directory;
    }

    /** The rows of the graph's root stage. */
    List<Batch> run(StageGraph graph) {
        for (Stage stage : graph.stages()) {
            List<List<Batch>> produced = new ArrayList<>();
            for (int partition = 0; partition < stage.partitions(); partition++) {
                Map<Integer, ShuffleInputFiles> inputs = new HashMap<>();
                for (int input : stage.inputStages()) {
                    inputs.put(input, ShuffleInputFiles.whole(List.of(write(graph.stage(input), share(input, partition)))));
                }
                LogicalPlan fragment = PlanCodec.decode(PlanCodec.encode(FragmentBinder.bindSplit(stage, partition)));
                produced.add(EXECUTOR.execute(FragmentBinder.bindInputs(fragment, inputs)).batches());
            }
            if (stage.output() instanceof Exchange.Result) {
                return produced.stream().flatMap(List::stream).toList();
            }
            outputs.put(stage.id(), place(stage, produced));
        }
        throw new AssertionError("the graph has no result stage");
    }

    private List<Batch> share(int stage, int partition) {
        List<List<Batch>> placed = outputs.get(stage);
        return placed.size() == 1 ? placed.getFirst() : placed.get(partition);
    }

    /** The batches each reader partition of {@code stage}'s output reads (one list: every reader reads it). */
    private static List<List<Batch>> place(Stage stage, List<List<Batch>> produced) {
        List<Batch> all = produced.stream().flatMap(List::stream).toList();
        return switch (stage.output()) {
            case Exchange.Broadcast broadcast -> List.of(all);
            case Exchange.Gather gather -> List.of(all);
            case Exchange.Result result -> List.of(all);
            case Exchange.RoundRobin roundRobin -> hashed(all, List.of(), roundRobin.partitions());
            case Exchange.Hash hash -> hashed(all, hash.keys(), hash.partitions());
            case Exchange.Forward forward -> produced;
            case Exchange.Range range -> ranged(all, range);
        };
    }

    /**
     * Rows placed by a range exchange with plan-time bounds on one ascending integer key, as a key-range split
     * places them: partition {@code i} holds keys in {@code [bounds[i-1], bounds[i])}, nulls the last partition.
     */
    private static List<List<Batch>> ranged(List<Batch> batches, Exchange.Range range) {
        if (range.bounds() == null || range.keys().size() != 1 || range.keys().getFirst().descending()) {
            throw new AssertionError("only range exchanges with plan-time bounds run in process");
        }
        String key = range.keys().getFirst().column();
        long[] bounds = new long[range.bounds().rowCount()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = ((Number) range.bounds().column(key).getObject(i)).longValue();
        }
        List<List<Batch>> placed = new ArrayList<>();
        for (int p = 0; p < range.partitions(); p++) {
            placed.add(new ArrayList<>());
        }
        for (Batch batch : batches) {
            for (int p = 0; p < range.partitions(); p++) {
                int[] rows = new int[batch.rowCount()];
                int count = 0;
                for (int i = 0; i < batch.rowCount(); i++) {
                    Object value = batch.column(key).getObject(i);
                    int target = bounds.length;
                    if (value != null) {
                        target = 0;
                        while (target < bounds.length && bounds[target] <= ((Number) value).longValue()) {
                            target++;
                        }
                    }
                    if (target == p) {
                        rows[count++] = i;
                    }
                }
                placed.get(p).add(batch.take(rows, count));
            }
        }
        return placed;
    }

    private static List<List<Batch>> hashed(List<Batch> batches, List<String> keys, int partitions) {
        List<List<Batch>> placed = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            placed.add(new ArrayList<>());
        }
        long row = 0;
        for (Batch batch : batches) {
            for (int p = 0; p < partitions; p++) {
                int[] rows = new int[batch.rowCount()];
                int count = 0;
                for (int i = 0; i < batch.rowCount(); i++) {
                    int target = keys.isEmpty() ? (int) ((row + i) % partitions) : target(batch, keys, i, partitions);
                    if (target == p) {
                        rows[count++] = i;
                    }
                }
                placed.get(p).add(batch.take(rows, count));
            }
            row += batch.rowCount();
        }
        return placed;
    }

    private static int target(Batch batch, List<String> keys, int row, int partitions) {
        int hash = 1;
        for (String key : keys) {
            hash = 31 * hash + Objects.hashCode(batch.column(key).getObject(row));
        }
        return Math.floorMod(hash, partitions);
    }

    private Path write(Stage stage, List<Batch> batches) {
        Path file = directory.resolve("stage-" + stage.id() + "-" + files++ + ".arrow");
        IpcWriter.write(batches, stage.fragment().schema(), file, IpcCompression.LZ4);
        return file;
    }
}
