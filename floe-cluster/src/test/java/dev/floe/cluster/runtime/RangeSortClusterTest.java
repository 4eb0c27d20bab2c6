package dev.floe.cluster.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.QueryResult;
import dev.floe.cluster.testing.BatchRows;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Distributed sorts on range partitions (3 worker JVMs) give the local executor's order. */
class RangeSortClusterTest {
    private static final Schema SCHEMA = Schema.of(Field.of("a", DataType.INT64), Field.of("b", DataType.STRING),
            Field.of("v", DataType.INT64));
    private static final DistributedOptions RANGE = DistributedOptions.defaults().withSortPartitioned(true);

    private static ClusterClient client;

    @BeforeAll
    static void start() {
        client = SharedTestCluster.client();
    }

    /** 12 batches; a has {@code distinct} values and nulls, b a few strings and nulls, v is unique. */
    private static InMemory data(int distinct, long seed) {
        Random random = new Random(seed);
        List<Batch> batches = new ArrayList<>();
        long v = 0;
        for (int b = 0; b < 12; b++) {
            List<Long> a = new ArrayList<>();
            List<String> s = new ArrayList<>();
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                a.add(random.nextInt(10) == 0 ? null : (long) random.nextInt(distinct));
                s.add(random.nextInt(8) == 0 ? null : "s" + random.nextInt(5));
                values.add(v++);
            }
            batches.add(new Batch(SCHEMA, List.of(Vectors.fromObjects(DataType.INT64, a),
                    Vectors.fromObjects(DataType.STRING, s), Vectors.fromObjects(DataType.INT64, values))));
        }
        return new InMemory(SCHEMA, batches);
    }

    private static SortKey key(String column, DataType type, boolean descending, boolean nullsLast) {
        return new SortKey(new LogicalExpr.Column(column, type), descending, nullsLast);
    }

    /** The same rows as locally, and the sort keys in the same order (ties may come in another order). */
    private static void assertSortedLikeLocal(Sort sort) {
        List<List<Object>> local = BatchRows.inOrder(
                new LocalExecutor(ExecutionOptions.defaults().withThreads(1)).execute(sort).batches());
        QueryResult result = client.submit(sort, RANGE).awaitResult(Duration.ofMinutes(2));
        List<List<Object>> distributed = BatchRows.inOrder(result.batches());

        List<Integer> keyColumns = sort.keys().stream().map(k -> SCHEMA.indexOf(((LogicalExpr.Column) k.expr())
                .name())).toList();
        assertThat(distributed.stream().map(row -> keyColumns.stream().map(row::get).toList()).toList())
                .isEqualTo(local.stream().map(row -> keyColumns.stream().map(row::get).toList()).toList());
        Comparator<List<Object>> byText = Comparator.comparing(Object::toString);
        assertThat(distributed.stream().sorted(byText).toList()).isEqualTo(local.stream().sorted(byText).toList());
        assertThat(result.explain()).contains("range(").contains("forward(");
    }

    @Test
    void ascendingWithNullsFirst() {
        assertSortedLikeLocal(new Sort(data(1000, 1), List.of(key("a", DataType.INT64, false, false)), false, -1));
    }

    @Test
    void descendingWithNullsLast() {
        assertSortedLikeLocal(new Sort(data(1000, 2), List.of(key("a", DataType.INT64, true, true)), false, -1));
    }

    @Test
    void multipleKeys() {
        assertSortedLikeLocal(new Sort(data(4, 3), List.of(key("b", DataType.STRING, false, true),
                key("a", DataType.INT64, true, false), key("v", DataType.INT64, false, false)), false, -1));
    }

    @Test
    void skewedKeysAndMorePartitionsThanDistinctValues() {
        assertSortedLikeLocal(new Sort(data(1, 4), List.of(key("a", DataType.INT64, false, true)), false, -1));
        assertSortedLikeLocal(new Sort(data(3, 5), List.of(key("a", DataType.INT64, true, false)), false, -1));
    }
}
