package dev.floe.exec.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.expr.Evaluator;
import dev.floe.plan.function.AggregateFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A parallel partitioned merge gives the rows, and with maintain-order the order, of a sequential merge. */
class PartitionedMergeTest {
    private static final Schema SCHEMA = new Schema(List.of(new Field("id", DataType.INT64),
            new Field("tag", DataType.STRING), new Field("value", DataType.INT64)));
    private static final List<DataType> KEY_TYPES = List.of(DataType.INT64, DataType.STRING);

    private static Evaluator column(int index) {
        return batch -> batch.column(index);
    }

    private static HashAggregateSink sink(boolean maintainOrder) {
        List<AggregateInput> aggregates = List.of(
                new AggregateInput(new AggregateFunction.Sum(), column(2), DataType.INT64, DataType.INT64),
                new AggregateInput(new AggregateFunction.Len(), null, DataType.NULL, DataType.UINT32),
                new AggregateInput(new AggregateFunction.First(), column(2), DataType.INT64, DataType.INT64));
        return new HashAggregateSink(List.of(column(0), column(1)), KEY_TYPES, aggregates, maintainOrder);
    }

    /** Three threads' states over the same random rows (seeded), morsels spread round-robin. */
    private static List<GroupState> locals(HashAggregateSink sink) {
        Random random = new Random(42);
        List<GroupState> locals = List.of(sink.createLocal(), sink.createLocal(), sink.createLocal());
        int rows = 4096;
        for (int morsel = 0; morsel < 60; morsel++) {
            List<Object> ids = new ArrayList<>();
            List<Object> tags = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                ids.add(random.nextInt(50) == 0 ? null : (long) random.nextInt(60_000));
                tags.add(random.nextInt(20) == 0 ? null : "t" + random.nextInt(3));
                values.add((long) random.nextInt(1000));
            }
            Batch batch = new Batch(SCHEMA, List.of(Vectors.fromObjects(DataType.INT64, ids),
                    Vectors.fromObjects(DataType.STRING, tags), Vectors.fromObjects(DataType.INT64, values)));
            sink.consume(locals.get(morsel % 3), morsel, (long) morsel * rows, batch);
        }
        return locals;
    }

    private static List<List<Object>> rows(List<Vector> columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < columns.getFirst().length(); r++) {
            List<Object> row = new ArrayList<>();
            for (Vector column : columns) {
                row.add(column.getObject(r));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<List<Object>, Long> counts(List<List<Object>> rows) {
        return rows.stream().collect(Collectors.groupingBy(row -> row, Collectors.counting()));
    }

    @Test
    void sameRowsAndFirstAppearanceOrderAsASequentialMerge() throws Exception {
        HashAggregateSink sink = sink(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<GroupState> parallelLocals = locals(sink);
            assertThat(PartitionedMerge.applies(parallelLocals, KEY_TYPES, pool)).isTrue();
            List<List<Object>> parallel = rows(sink.finish(parallelLocals, pool, 2));
            List<List<Object>> sequential = rows(sink.finish(locals(sink), null, 1));
            assertThat(parallel).hasSizeGreaterThan(PartitionedMerge.MIN_GROUPS);
            assertThat(parallel).isEqualTo(sequential);

            HashAggregateSink unorderedSink = sink(false);
            List<List<Object>> unordered = rows(unorderedSink.finish(locals(unorderedSink), pool, 2));
            // the same rows in any order, compared as counts per row (AssertJ's any-order check is quadratic)
            assertThat(counts(unordered)).isEqualTo(counts(sequential));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneIntegerKeyPartitionedByRangeGivesTheRowsOfASequentialMerge() throws Exception {
        List<AggregateInput> aggregates = List.of(
                new AggregateInput(new AggregateFunction.Sum(), column(2), DataType.INT64, DataType.INT64),
                new AggregateInput(new AggregateFunction.Len(), null, DataType.NULL, DataType.UINT32));
        HashAggregateSink sink = new HashAggregateSink(List.of(column(0)), List.of(DataType.INT64), aggregates, true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<List<Object>> parallel = rows(sink.finish(locals(sink), pool, 2));
            List<List<Object>> sequential = rows(sink.finish(locals(sink), null, 1));
            assertThat(parallel).hasSizeGreaterThan(50_000).isEqualTo(sequential);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fewGroupsOrNoPoolMergeSequentially() {
        HashAggregateSink sink = sink(true);
        List<GroupState> small = List.of(sink.createLocal(), sink.createLocal());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertThat(PartitionedMerge.applies(small, KEY_TYPES, pool)).isFalse();
            assertThat(PartitionedMerge.applies(locals(sink), KEY_TYPES, null)).isFalse();
            assertThat(PartitionedMerge.applies(locals(sink), List.of(DataType.FLOAT64, DataType.STRING), pool))
                    .isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void partitionsArePowersOfTwoGrowingWithTheGroups() {
        assertThat(PartitionedMerge.partitionCount(70_000, 2)).isEqualTo(8);
        assertThat(PartitionedMerge.partitionCount(15_000_000, 2)).isEqualTo(256);
        assertThat(PartitionedMerge.partitionCount(3_000_000, 2)).isEqualTo(64);
        int[] partitions = PartitionedMerge.partitionsOf(List.of(Vectors.fromObjects(DataType.INT64,
                Arrays.asList(1L, 2L, 1L, null, null))), 5, 64 - 3);
        assertThat(partitions[0]).isEqualTo(partitions[2]).isBetween(0, 7);
        assertThat(partitions[3]).isEqualTo(partitions[4]).isBetween(0, 7);
    }
}
