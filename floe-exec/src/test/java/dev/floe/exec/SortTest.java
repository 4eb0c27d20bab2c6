package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of sort: multi-key, directions, nulls placement, stability, top-k. */
class SortTest {
    private static final InMemory PEOPLE = frame(
            column("name", DataType.STRING, "ann", "bob", "cid", "dan", "eve", "fay", null),
            column("age", DataType.INT64, 30L, 25L, null, 25L, 41L, 30L, 19L),
            column("city", DataType.STRING, "x", "y", "x", "y", "z", "x", "y"));

    private static LogicalExpr age() {
        return col("age", DataType.INT64);
    }

    @Test
    void sortMultiKeyMixedDirectionsNullsPlacement() {
        Sort sort = new Sort(PEOPLE, List.of(new SortKey(age(), false, true),
                new SortKey(col("name", DataType.STRING), true, false)), true, -1);
        assertThat(rows(sort)).extracting(r -> r.getFirst())
                .containsExactly(null, "dan", "bob", "fay", "ann", "eve", "cid");
        Sort nullsFirst = new Sort(PEOPLE, List.of(new SortKey(age(), true, false)), true, 3);
        assertThat(rows(nullsFirst)).extracting(r -> r.getFirst()).containsExactly("cid", "eve", "ann");
    }

    @Test
    void topKMatchesAFullSortIncludingTies() {
        Object[] values = new Object[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7 == 0 ? null : (long) ((i * 37) % 11);
        }
        InMemory frame = frame(column("v", DataType.INT64, values), column("i", DataType.INT64, indexes(200)));
        List<SortKey> keys = List.of(new SortKey(col("v", DataType.INT64), true, true));
        List<List<Object>> full = rows(new Sort(frame, keys, true, -1));
        assertThat(rows(new Sort(frame, keys, true, 5))).isEqualTo(full.subList(0, 5));
        assertThat(rows(new Sort(frame, keys, true, 0))).isEmpty();
    }

    @Test
    void sortIsStable() {
        Sort sort = new Sort(PEOPLE, List.of(new SortKey(col("city", DataType.STRING), false, false)), true, -1);
        assertThat(rows(sort)).extracting(r -> r.getFirst()).containsExactly("ann", "cid", "fay", "bob", "dan", null, "eve");
    }

    private static Object[] indexes(int n) {
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = (long) i;
        }
        return out;
    }

    @Test
    void parallelRunsMergeIntoTheSameOrderAsOneThread() {
        int n = 70_000;
        Object[] values = new Object[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        long[] expected = new long[n];
        for (int i = 0; i < n; i++) {
            expected[i] = random.nextLong(1000);
            values[i] = expected[i];
        }
        java.util.Arrays.sort(expected);
        InMemory frame = frame(column("v", DataType.INT64, values));
        Sort sort = new Sort(frame, List.of(new SortKey(col("v", DataType.INT64), false, false)), true, -1);
        for (ExecutionOptions options : List.of(new ExecutionOptions(1, 4096), new ExecutionOptions(4, 4096))) {
            List<List<Object>> rows = rows(sort, options);
            for (int i = 0; i < n; i += 997) {
                assertThat(rows.get(i).getFirst()).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void radixFastPathIsStableAndAgreesWithTheComparatorSort() {
        Object[] values = new Object[300];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 5 == 0 ? null : (long) ((i * 31) % 13) - 6;
        }
        InMemory frame = frame(column("v", DataType.INT64, values), column("i", DataType.INT64, indexes(300)));
        for (boolean descending : new boolean[] {false, true}) {
            for (boolean nullsLast : new boolean[] {false, true}) {
                SortKey key = new SortKey(col("v", DataType.INT64), descending, nullsLast);
                List<List<Object>> radix = rows(new Sort(frame, List.of(key), true, -1));
                List<List<Object>> comparator = rows(new Sort(frame, List.of(key,
                        new SortKey(col("i", DataType.INT64), false, false)), true, -1));
                assertThat(radix).as("descending %s nulls last %s", descending, nullsLast).isEqualTo(comparator);
            }
        }
    }
}
