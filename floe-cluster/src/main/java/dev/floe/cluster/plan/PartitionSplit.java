package dev.floe.cluster.plan;

import dev.floe.core.vector.Batch;
import dev.floe.io.ScanTask;
import java.util.List;

/** The share of a stage's source leaf (a file scan or in-memory data) that one partition of the stage reads. */
public sealed interface PartitionSplit {
    /** The scan tasks (files, or row-group ranges of a file) of one partition. */
    record ScanSplit(List<ScanTask> tasks) implements PartitionSplit {
        public ScanSplit {
            tasks = List.copyOf(tasks);
        }
    }

    /** The in-memory batches of one partition. */
    record MemorySplit(List<Batch> batches) implements PartitionSplit {
        public MemorySplit {
            batches = List.copyOf(batches);
        }
    }
}
