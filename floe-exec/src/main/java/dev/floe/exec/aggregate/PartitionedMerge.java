package dev.floe.exec.aggregate;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.hash.Hashing;
import dev.floe.exec.pipeline.PipelineRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Merges thread-local aggregation states with many groups (q18 and q21 group 60 M lineitem rows by order key)
 * in parallel instead of folding them one after another on one thread: every group goes to a partition, and
 * each partition's groups of all threads are merged by one task into a state of its own, small enough to stay
 * in cache. The partitions together hold each group exactly once. One integer key is partitioned by value range
 * (input clustered on the key, as lineitem on its order key, then gives each partition runs of consecutive
 * groups to read); other keys by the hash of their values.
 */
final class PartitionedMerge {
    /** Below this many groups in all the thread-local states together, one thread merges them. */
    static final int MIN_GROUPS = 1 << 16;
    private static final int MAX_PARTITIONS = 256;
    private static final long NULL_HASH = 0x5851F42D4C957F2DL;

    private PartitionedMerge() {
    }

    /** Whether the states are worth a parallel merge and their key types can be hashed here. */
    static boolean applies(List<GroupState> locals, List<DataType> keyTypes, ExecutorService pool) {
        if (pool == null || locals.size() < 2 || keyTypes.isEmpty()) {
            return false;
        }
        for (DataType type : keyTypes) {
            if (!IntVector.accepts(type) && !LongVector.accepts(type) && !BytesVector.accepts(type)) {
                return false;
            }
        }
        long groups = 0;
        for (GroupState local : locals) {
            groups += local.groupCount();
        }
        return groups >= MIN_GROUPS;
    }

    /** The merged states, one per partition; each group of the locals is in exactly one of them. */
    static List<GroupState> merge(List<GroupState> locals, Supplier<GroupState> fresh, ExecutorService pool,
            int threads) {
        long groups = 0;
        for (GroupState local : locals) {
            groups += local.groupCount();
        }
        int partitions = partitionCount(groups, threads);
        int shift = 64 - Integer.numberOfTrailingZeros(partitions);
        int localCount = locals.size();
        List<List<Vector>> keys = new ArrayList<>(localCount);
        for (GroupState local : locals) {
            keys.add(local.keyColumns());
        }
        KeyRange range = KeyRange.of(keys);
        int[][] starts = new int[localCount][];
        int[][] members = new int[localCount][];
        for (int l = 0; l < localCount; l++) {
            GroupState local = locals.get(l);
            List<Vector> localKeys = keys.get(l);
            int[] partitionOf = range == null ? partitionsOf(localKeys, local.groupCount(), shift)
                    : range.partitionsOf(localKeys.getFirst(), local.groupCount(), partitions);
            starts[l] = new int[partitions + 1];
            members[l] = groupByPartition(partitionOf, partitions, starts[l]);
        }
        List<Future<GroupState>> futures = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            futures.add(pool.submit(() -> {
                GroupState merged = fresh.get();
                for (int l = 0; l < localCount; l++) {
                    int from = starts[l][partition];
                    int count = starts[l][partition + 1] - from;
                    if (count == 0) {
                        continue;
                    }
                    int[] sources = java.util.Arrays.copyOfRange(members[l], from, from + count);
                    List<Vector> taken = new ArrayList<>(keys.get(l).size());
                    for (Vector key : keys.get(l)) {
                        taken.add(key.take(sources, count));
                    }
                    merged.mergeGroups(locals.get(l), taken, sources, count);
                }
                return merged;
            }));
        }
        List<GroupState> merged = new ArrayList<>(partitions);
        for (Future<GroupState> future : futures) {
            try {
                merged.add(future.get());
            } catch (InterruptedException interrupted) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new FloeException(ErrorCode.CANCELED, "the query was interrupted");
            } catch (ExecutionException failed) {
                futures.forEach(f -> f.cancel(true));
                throw PipelineRunner.rethrowable(failed.getCause());
            }
        }
        return merged;
    }

    /** A power of two: a few tasks per thread, more for more groups (about 64 K groups each), at most 256. */
    static int partitionCount(long groups, int threads) {
        long wanted = Math.max(4L * threads, groups >> 16);
        return (int) Math.min(MAX_PARTITIONS, Long.highestOneBit(Math.max(1, wanted - 1)) << 1);
    }

    /**
     * The partition of each group: the top bits of a hash of its keys, so that the low bits the group tables
     * index their slots by stay spread within a partition.
     */
    static int[] partitionsOf(List<Vector> keys, int groupCount, int shift) {
        long[] hashes = new long[groupCount];
        long[] column = new long[groupCount];
        for (Vector key : keys) {
            if (key instanceof LongVector longs) {
                long[] values = longs.values();
                for (int g = 0; g < groupCount; g++) {
                    column[g] = Hashing.mix(values[g]);
                }
            } else if (key instanceof IntVector ints) {
                int[] values = ints.values();
                for (int g = 0; g < groupCount; g++) {
                    column[g] = Hashing.mix(values[g]);
                }
            } else if (key instanceof BytesVector bytes) {
                byte[] data = bytes.data();
                int[] offsets = bytes.offsets();
                for (int g = 0; g < groupCount; g++) {
                    column[g] = Hashing.bytes(data, offsets[g], offsets[g + 1]);
                }
            } else {
                throw FloeException.internal("no partition hash for key vector " + key.type());
            }
            long[] validity = key.validity();
            for (int g = 0; g < groupCount; g++) {
                boolean valid = validity == null || Bitmap.get(validity, g);
                hashes[g] = hashes[g] * 31 + (valid ? column[g] : NULL_HASH);
            }
        }
        int[] partitions = new int[groupCount];
        for (int g = 0; g < groupCount; g++) {
            partitions[g] = shift == 64 ? 0 : (int) ((hashes[g] * 0xC2B2AE3D27D4EB4FL) >>> shift);
        }
        return partitions;
    }

    /** The groups sorted by partition (stable); {@code starts[p]} is where partition p's groups begin. */
    private static int[] groupByPartition(int[] partitionOf, int partitions, int[] starts) {
        for (int partition : partitionOf) {
            starts[partition + 1]++;
        }
        for (int p = 0; p < partitions; p++) {
            starts[p + 1] += starts[p];
        }
        int[] next = java.util.Arrays.copyOf(starts, partitions);
        int[] members = new int[partitionOf.length];
        for (int g = 0; g < partitionOf.length; g++) {
            members[next[partitionOf[g]]++] = g;
        }
        return members;
    }
}
