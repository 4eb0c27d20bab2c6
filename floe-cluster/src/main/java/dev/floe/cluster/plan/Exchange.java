package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import java.util.List;

/**
 * How a stage's output is cut for the stages that read it: the root of every stage is one of these, the way a
 * shuffle writer closes a stage. The number of output partitions is also the number of partitions of a reader
 * that is partitioned by this exchange.
 */
public sealed interface Exchange {
    /** How many shuffle partitions each task of the writing stage produces. */
    int outputPartitions();

    /** Rows go to partition {@code hash(keys) mod partitions}; equal keys meet in one partition. */
    record Hash(List<String> keys, int partitions) implements Exchange {
        public Hash {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw FloeException.internal("a hash exchange needs at least one key");
            }
            if (partitions < 1) {
                throw FloeException.internal("hash exchange with " + partitions + " partitions");
            }
        }

        public int outputPartitions() {
            return partitions;
        }
    }

    /** Rows are spread over partitions by batch, evenly, with no regard to their values. */
    record RoundRobin(int partitions) implements Exchange {
        public RoundRobin {
            if (partitions < 1) {
                throw FloeException.internal("round robin exchange with " + partitions + " partitions");
            }
        }

        public int outputPartitions() {
            return partitions;
        }
    }

    /** Every task of every reading stage reads all the rows (the small side of a join). */
    record Broadcast() implements Exchange {
        public int outputPartitions() {
            return 1;
        }
    }

    /** All rows go to one partition read by a single task (a final sort, a global aggregate). */
    record Gather() implements Exchange {
        public int outputPartitions() {
            return 1;
        }
    }

    /**
     * Each task writes its rows as one file, read only by the same partition of the next stage, and reports a
     * sample of its {@code sampleKeys} so the coordinator can compute the bounds of the range exchange that
     * follows (a distributed sort).
     */
    record Forward(List<RangeKey> sampleKeys) implements Exchange {
        public Forward {
            sampleKeys = List.copyOf(sampleKeys);
            if (sampleKeys.isEmpty()) {
                throw FloeException.internal("a forward exchange samples at least one key");
            }
        }

        public int outputPartitions() {
            return 1;
        }
    }

    /**
     * Rows go to the partition whose key range holds them: partition {@code i} takes keys in {@code [bounds[i-1],
     * bounds[i])} in the sort order of {@code keys}, so sorted partitions read in order are sorted as a whole.
     * {@code bounds} (rows of the key columns) is {@code null} in the plan and filled in by the coordinator from
     * the samples of the stage below before this stage runs.
     */
    record Range(List<RangeKey> keys, int partitions, Batch bounds) implements Exchange {
        public Range {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw FloeException.internal("a range exchange needs at least one key");
            }
            if (partitions < 1) {
                throw FloeException.internal("range exchange with " + partitions + " partitions");
            }
            if (bounds != null && bounds.rowCount() >= partitions) {
                throw FloeException.internal("range exchange with " + bounds.rowCount() + " bounds for " + partitions
                        + " partitions");
            }
        }

        public Range withBounds(Batch computed) {
            return new Range(keys, partitions, computed);
        }

        public int outputPartitions() {
            return partitions;
        }
    }

    /** The root stage: each task writes its rows as result files instead of shuffle files. */
    record Result() implements Exchange {
        public int outputPartitions() {
            return 1;
        }
    }
}
