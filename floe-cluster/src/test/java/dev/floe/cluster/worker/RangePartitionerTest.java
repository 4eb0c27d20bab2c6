package dev.floe.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.plan.RangeBounds;
import dev.floe.cluster.plan.RangeKey;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.sort.RowComparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sample, bounds and range partitioning together: every row of partition i sorts before every row of i + 1. */
class RangePartitionerTest {
    private static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.STRING),
            Field.of("v", DataType.INT64));

    /** {@code batches} batches of rows; a has {@code distinct} values and some nulls, b a few strings and nulls. */
    private static List<Batch> data(int batches, int rows, int distinct, long seed) {
        Random random = new Random(seed);
        List<Batch> result = new ArrayList<>();
        long v = 0;
        for (int b = 0; b < batches; b++) {
            List<Long> a = new ArrayList<>();
            List<String> s = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                a.add(random.nextInt(10) == 0 ? null : (long) random.nextInt(distinct));
                s.add(random.nextInt(8) == 0 ? null : "s" + random.nextInt(5));
                values.add(v++);
            }
            result.add(new Batch(SCHEMA, List.of(Vectors.fromObjects(DataType.INT64, a),
                    Vectors.fromObjects(DataType.STRING, s), Vectors.fromObjects(DataType.INT64, values))));
        }
        return result;
    }

    /** Partitions {@code batches} by bounds from their own sample and checks the order across partitions. */
    private static List<List<Batch>> partitionAndCheck(List<Batch> batches, List<RangeKey> keys, int partitions) {
        byte[] sample = RangeSampler.sample(SCHEMA, batches, keys);
        Batch bounds = RangeBounds.compute(RangeBounds.samples(sample), keys, partitions);
        assertThat(bounds.rowCount()).isLessThan(partitions);
        Exchange.Range range = new Exchange.Range(keys, partitions, bounds);
        List<List<Batch>> parts = ShuffleWriter.partition(range, SCHEMA, batches);
        assertThat(parts).hasSize(partitions);

        List<Batch> ordered = new ArrayList<>();
        List<Integer> partitionOfRow = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            for (Batch batch : parts.get(p)) {
                ordered.add(batch);
                for (int r = 0; r < batch.rowCount(); r++) {
                    partitionOfRow.add(p);
                }
            }
        }
        Batch all = Vectors.concatBatches(SCHEMA, ordered);
        assertThat(all.rowCount()).isEqualTo(batches.stream().mapToInt(Batch::rowCount).sum());
        Batch keyColumns = RangeBounds.project(all, RangeBounds.keySchema(SCHEMA, keys));
        RowComparator comparator = RangeBounds.comparator(keyColumns.columns(), keys);
        // rows of a lower partition never sort after rows of a higher one: compare each partition's maximum with
        // the next non-empty partition's minimum
        int[] min = new int[partitions];
        int[] max = new int[partitions];
        java.util.Arrays.fill(min, -1);
        java.util.Arrays.fill(max, -1);
        for (int r = 0; r < all.rowCount(); r++) {
            int p = partitionOfRow.get(r);
            if (min[p] < 0 || comparator.compare(r, min[p]) < 0) {
                min[p] = r;
            }
            if (max[p] < 0 || comparator.compare(r, max[p]) > 0) {
                max[p] = r;
            }
        }
        int previous = -1;
        for (int p = 0; p < partitions; p++) {
            if (min[p] < 0) {
                continue;
            }
            if (previous >= 0) {
                assertThat(comparator.compare(max[previous], min[p])).as("partition %d before %d", previous, p)
                        .isLessThan(0);
            }
            previous = p;
        }
        return parts;
    }

    private static long nonEmpty(List<List<Batch>> parts) {
        return parts.stream().filter(part -> part.stream().mapToInt(Batch::rowCount).sum() > 0).count();
    }

    @Test
    void ascendingWithNullsFirst() {
        List<List<Batch>> parts = partitionAndCheck(data(5, 1000, 1000, 1), List.of(new RangeKey("a", false, false)),
                6);
        assertThat(nonEmpty(parts)).isEqualTo(6);
    }

    @Test
    void descendingWithNullsLast() {
        partitionAndCheck(data(5, 1000, 1000, 2), List.of(new RangeKey("a", true, true)), 6);
    }

    @Test
    void multipleKeysOfMixedTypesAndDirections() {
        partitionAndCheck(data(4, 700, 3, 3), List.of(new RangeKey("b", false, true), new RangeKey("a", true, false),
                new RangeKey("v", false, false)), 6);
    }

    @Test
    void skewedKeysStayInOnePartition() {
        List<List<Batch>> parts = partitionAndCheck(data(3, 1000, 1, 4), List.of(new RangeKey("a", false, true)), 6);
        assertThat(nonEmpty(parts)).isLessThanOrEqualTo(2);
    }

    @Test
    void morePartitionsThanDistinctValues() {
        List<List<Batch>> parts = partitionAndCheck(data(3, 500, 3, 5), List.of(new RangeKey("a", false, false)), 12);
        assertThat(nonEmpty(parts)).isBetween(2L, 4L);
    }

    @Test
    void noBoundsSendEverythingToTheFirstPartition() {
        List<Batch> batches = data(2, 10, 5, 6);
        List<List<Batch>> parts = ShuffleWriter.partition(new Exchange.Range(List.of(new RangeKey("a", false, false)),
                3, Batch.empty(Schema.of(Field.of("a", DataType.INT64)))), SCHEMA, batches);
        assertThat(parts.get(0)).containsExactlyElementsOf(batches);
        assertThat(parts.get(1)).isEmpty();
    }
}
