package dev.floe.cluster.worker;

import dev.floe.cluster.plan.Exchange;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a task's output rows by the stage's {@link Exchange} into the pieces of each output partition (the
 * {@link PartitionedShuffleWriter} writes them).
 */
final class ShuffleWriter {
    private ShuffleWriter() {
    }

    /** The batches of every output partition (the streaming {@link PartitionedShuffleWriter} cuts batch by batch). */
    static List<List<Batch>> partition(Exchange exchange, Schema schema, List<Batch> batches) {
        int count = exchange.outputPartitions();
        List<List<Batch>> parts = emptyParts(count);
        switch (exchange) {
            case Exchange.Hash hash -> {
                int[] keys = keyColumns(hash, schema);
                for (Batch batch : batches) {
                    hashPartition(batch, keys, parts);
                }
            }
            case Exchange.RoundRobin roundRobin -> {
                for (int i = 0; i < batches.size(); i++) {
                    parts.get(i % count).add(batches.get(i));
                }
            }
            case Exchange.Broadcast broadcast -> parts.getFirst().addAll(batches);
            case Exchange.Gather gather -> parts.getFirst().addAll(batches);
            case Exchange.Result result -> parts.getFirst().addAll(batches);
            case Exchange.Forward forward -> parts.getFirst().addAll(batches);
            case Exchange.Range range -> {
                for (Batch batch : batches) {
                    RangePartitioner.partition(range, batch, parts);
                }
            }
        }
        return parts;
    }

    static List<List<Batch>> emptyParts(int count) {
        List<List<Batch>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        return parts;
    }

    /** The column positions of the hash exchange's keys in {@code schema}. */
    static int[] keyColumns(Exchange.Hash hash, Schema schema) {
        int[] keys = new int[hash.keys().size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = schema.indexOf(hash.keys().get(k));
            if (keys[k] < 0) {
                throw FloeException.internal("hash exchange key '" + hash.keys().get(k) + "' missing from "
                        + schema.names());
            }
        }
        return keys;
    }

    /** Appends to each partition's list the rows of {@code batch} whose key hash falls in it. */
    static void hashPartition(Batch batch, int[] keys, List<List<Batch>> parts) {
        int count = parts.size();
        int rows = batch.rowCount();
        int[] hashes = RowHasher.hash(batch, keys);
        int[] sizes = new int[count];
        int[] target = new int[rows];
        for (int i = 0; i < rows; i++) {
            // The hash's unsigned value scaled to [0, count): a multiply and a shift instead of a division per row.
            target[i] = (int) (((hashes[i] & 0xFFFF_FFFFL) * count) >>> 32);
            sizes[target[i]]++;
        }
        int[][] selections = new int[count][];
        for (int p = 0; p < count; p++) {
            selections[p] = new int[sizes[p]];
        }
        int[] fill = new int[count];
        for (int i = 0; i < rows; i++) {
            int p = target[i];
            selections[p][fill[p]++] = i;
        }
        for (int p = 0; p < count; p++) {
            if (sizes[p] > 0) {
                parts.get(p).add(sizes[p] == rows ? batch : batch.take(selections[p], sizes[p]));
            }
        }
    }
}
