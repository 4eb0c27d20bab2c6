package dev.floe.cluster;

import dev.floe.core.FloeException;

/**
 * The knobs of one distributed query, as the client sends them: when a join side is small enough to broadcast,
 * whether aggregations run a partial step before the shuffle, how many partitions each worker gets (by default one
 * per task slot, so every slot of the cluster has a task of a wide stage), how shuffle
 * files are compressed, how many times a failed task is retried, and whether a sort runs on range partitions
 * ({@code sortPartitioned}: sample the keys, range-partition, sort each partition; otherwise the rows are gathered
 * and sorted by one task, which is faster for the small results most sorts see).
 */
public record DistributedOptions(long equiJoinBroadcastLimit, boolean preAggregation, int partitionsPerWorker,
        ShuffleCompression shuffleCompression, int nRetries, boolean sortPartitioned) {
    public static final long DEFAULT_BROADCAST_LIMIT = 256L * 1024 * 1024;
    /** {@code partitionsPerWorker}: as many partitions per worker as it has task slots (the default). */
    public static final int ONE_PER_TASK_SLOT = 0;

    public DistributedOptions {
        if (equiJoinBroadcastLimit < 0) {
            throw FloeException.invalidArgument("equiJoinBroadcastLimit must be >= 0 bytes, got " + equiJoinBroadcastLimit);
        }
        if (partitionsPerWorker < 0) {
            throw FloeException.invalidArgument("partitionsPerWorker must be >= 1, or 0 for one per task slot, got "
                    + partitionsPerWorker);
        }
        if (shuffleCompression == null) {
            throw FloeException.invalidArgument("shuffleCompression must be one of auto, lz4, zstd, none");
        }
        if (nRetries < 0) {
            throw FloeException.invalidArgument("nRetries must be >= 0, got " + nRetries);
        }
    }

    /** The options with sorts gathered to one task. */
    public DistributedOptions(long equiJoinBroadcastLimit, boolean preAggregation, int partitionsPerWorker,
            ShuffleCompression shuffleCompression, int nRetries) {
        this(equiJoinBroadcastLimit, preAggregation, partitionsPerWorker, shuffleCompression, nRetries, false);
    }

    public static DistributedOptions defaults() {
        return new DistributedOptions(DEFAULT_BROADCAST_LIMIT, true, ONE_PER_TASK_SLOT, ShuffleCompression.AUTO, 2,
                false);
    }

    /**
     * These options for workers with {@code slotsPerWorker} task slots each: {@link #ONE_PER_TASK_SLOT} becomes
     * that many partitions per worker; an explicit count stays.
     */
    public DistributedOptions forSlotsPerWorker(int slotsPerWorker) {
        return partitionsPerWorker != ONE_PER_TASK_SLOT ? this : withPartitionsPerWorker(Math.max(1, slotsPerWorker));
    }

    public DistributedOptions withEquiJoinBroadcastLimit(long bytes) {
        return new DistributedOptions(bytes, preAggregation, partitionsPerWorker, shuffleCompression, nRetries,
                sortPartitioned);
    }

    public DistributedOptions withPreAggregation(boolean enabled) {
        return new DistributedOptions(equiJoinBroadcastLimit, enabled, partitionsPerWorker, shuffleCompression, nRetries,
                sortPartitioned);
    }

    public DistributedOptions withPartitionsPerWorker(int partitions) {
        return new DistributedOptions(equiJoinBroadcastLimit, preAggregation, partitions, shuffleCompression, nRetries,
                sortPartitioned);
    }

    public DistributedOptions withShuffleCompression(ShuffleCompression compression) {
        return new DistributedOptions(equiJoinBroadcastLimit, preAggregation, partitionsPerWorker, compression, nRetries,
                sortPartitioned);
    }

    public DistributedOptions withNRetries(int retries) {
        return new DistributedOptions(equiJoinBroadcastLimit, preAggregation, partitionsPerWorker, shuffleCompression, retries,
                sortPartitioned);
    }

    public DistributedOptions withSortPartitioned(boolean enabled) {
        return new DistributedOptions(equiJoinBroadcastLimit, preAggregation, partitionsPerWorker, shuffleCompression,
                nRetries, enabled);
    }
}
