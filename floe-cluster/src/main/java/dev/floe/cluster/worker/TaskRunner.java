package dev.floe.cluster.worker;

import dev.floe.cluster.protocol.TaskId;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Computes one task's rows from its payload and its fetched inputs; the worker does everything around it
 * (fetching inputs, partitioning and writing the output). The engine's runner executes a plan fragment with the
 * local executor; tests may plug in their own by class name.
 */
public interface TaskRunner {
    /** The inputs of a task: for each input stage id, the local Arrow IPC files of the partition it reads. */
    record Context(TaskId task, byte[] payload, Map<Integer, List<Path>> inputs, Path scratchDirectory) {
        public Context {
            inputs = Map.copyOf(inputs);
        }
    }

    /** A task's output rows with their schema, and how many rows it read from its own sources (shuffle inputs are counted by the worker). */
    record Output(Schema schema, List<Batch> batches, long rowsIn) {
        public Output {
            batches = List.copyOf(batches);
        }
    }

    Output run(Context context);
}
