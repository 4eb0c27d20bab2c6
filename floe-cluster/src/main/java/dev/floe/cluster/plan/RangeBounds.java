package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.sort.IndexSorter;
import dev.floe.exec.sort.KeyComparators;
import dev.floe.exec.sort.RowComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of a range exchange, computed on the coordinator from the key samples its map tasks reported: the
 * samples are sorted in the sort's order and cut at equal counts; equal neighbouring bounds are merged, so a key
 * that fills several cuts (skew) makes fewer, not empty-bounded, ranges. Partition {@code i} then takes the rows
 * with {@code bounds[i-1] <= key < bounds[i]} in sort order (see the worker's range partitioner).
 */
public final class RangeBounds {
    private RangeBounds() {
    }

    /** At most {@code partitions - 1} rows of the key columns, strictly increasing in sort order. */
    public static Batch compute(List<Batch> samples, List<RangeKey> keys, int partitions) {
        if (partitions < 1) {
            throw FloeException.internal("range exchange with " + partitions + " partitions");
        }
        Schema schema = keySchema(samples, keys);
        List<Batch> nonEmpty = samples.stream().filter(batch -> batch.rowCount() > 0).toList();
        if (nonEmpty.isEmpty() || partitions == 1) {
            return Batch.empty(schema);
        }
        Batch all = Vectors.concatBatches(schema, nonEmpty.stream().map(batch -> project(batch, schema)).toList());
        RowComparator comparator = comparator(all.columns(), keys);
        int n = all.rowCount();
        int[] order = IndexSorter.sortedIndices(n, comparator);
        int[] chosen = new int[partitions - 1];
        int count = 0;
        for (int i = 1; i < partitions; i++) {
            int row = order[(int) ((long) i * n / partitions)];
            if (count == 0 || comparator.compare(chosen[count - 1], row) < 0) {
                chosen[count++] = row;
            }
        }
        return all.take(chosen, count);
    }

    /** The key sample a task reported, encoded by the worker as an in-memory plan (empty: no sample). */
    public static List<Batch> samples(byte[] encoded) {
        if (encoded.length == 0) {
            return List.of();
        }
        if (!(dev.floe.plan.codec.PlanCodec.decode(encoded) instanceof dev.floe.plan.logical.InMemory memory)) {
            throw FloeException.internal("a range sample must be in-memory rows");
        }
        return memory.batches();
    }

    /** The comparator of rows of {@code columns} (the key columns, in key order) by {@code keys}. */
    public static RowComparator comparator(List<Vector> columns, List<RangeKey> keys) {
        boolean[] descending = new boolean[keys.size()];
        boolean[] nullsLast = new boolean[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            descending[k] = keys.get(k).descending();
            nullsLast[k] = keys.get(k).nullsLast();
        }
        return KeyComparators.of(columns, descending, nullsLast);
    }

    /** The key columns of {@code batch}, in key order. */
    public static Batch project(Batch batch, Schema keySchema) {
        List<Vector> columns = new ArrayList<>();
        for (Field field : keySchema.fields()) {
            int index = batch.schema().indexOf(field.name());
            if (index < 0) {
                throw FloeException.internal("range key '" + field.name() + "' missing from " + batch.schema().names());
            }
            columns.add(batch.column(index));
        }
        return new Batch(keySchema, columns, batch.rowCount());
    }

    /** The schema of the key columns, taken from the samples. */
    private static Schema keySchema(List<Batch> samples, List<RangeKey> keys) {
        if (samples.isEmpty()) {
            return new Schema(List.of());
        }
        return keySchema(samples.getFirst().schema(), keys);
    }

    public static Schema keySchema(Schema rows, List<RangeKey> keys) {
        List<Field> fields = new ArrayList<>();
        for (RangeKey key : keys) {
            int index = rows.indexOf(key.column());
            if (index < 0) {
                throw FloeException.internal("range key '" + key.column() + "' missing from " + rows.names());
            }
            fields.add(rows.field(index));
        }
        return new Schema(fields);
    }
}
