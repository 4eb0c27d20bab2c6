package dev.floe.cluster.worker;

import dev.floe.cluster.protocol.TaskId;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.nio.file.Path;
import dev.floe.cluster.plan.ShuffleInputFiles;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Computes one task's rows from its payload and its fetched inputs; the worker does everything around it
 * (fetching inputs, partitioning and writing the output). The engine's runner executes a plan fragment with the
 * local executor; tests may plug in their own by class name.
 */
public interface TaskRunner {
    /**
     * The inputs of a task: for each input stage id, the local Arrow IPC files of the partition it reads; and the
     * worker's {@link BuildSideCache}, where the tasks of one stage share their join build sides.
     */
    record Context(TaskId task, byte[] payload, Map<Integer, ShuffleInputFiles> inputs, Path scratchDirectory,
            BuildSideCache buildSides) {
        public Context {
            inputs = Map.copyOf(inputs);
            java.util.Objects.requireNonNull(buildSides, "buildSides");
        }
    }

    /**
     * A task's output rows as they are produced, so the worker writes them batch by batch and a task never holds
     * its whole output; closing it stops the production (and frees what produces it).
     */
    interface Output extends Iterator<Batch>, AutoCloseable {
        Schema schema();

        /** Rows the task read from its own sources (shuffle inputs are counted by the worker). */
        long rowsIn();

        @Override
        void close();

        /** An output of batches already in memory. */
        static Output of(Schema schema, List<Batch> batches, long rowsIn) {
            Iterator<Batch> rows = List.copyOf(batches).iterator();
            return new Output() {
                @Override
                public Schema schema() {
                    return schema;
                }

                @Override
                public long rowsIn() {
                    return rowsIn;
                }

                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Batch next() {
                    return rows.next();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    Output run(Context context);
}
