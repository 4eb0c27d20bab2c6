package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
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

    /** The root stage: each task writes its rows as result files instead of shuffle files. */
    record Result() implements Exchange {
        public int outputPartitions() {
            return 1;
        }
    }
}
