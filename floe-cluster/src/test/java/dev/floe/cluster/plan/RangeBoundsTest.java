package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RangeBoundsTest {
    private static final Schema SCHEMA = Schema.of(Field.of("x", DataType.INT64));

    private static Batch values(Long... values) {
        return new Batch(SCHEMA, List.of(Vectors.fromObjects(DataType.INT64, Arrays.asList(values))));
    }

    private static List<Long> column(Batch batch) {
        List<Long> result = new ArrayList<>();
        for (int i = 0; i < batch.rowCount(); i++) {
            result.add((Long) batch.column(0).getObject(i));
        }
        return result;
    }

    private static Long[] range(long from, long to) {
        Long[] result = new Long[(int) (to - from)];
        for (int i = 0; i < result.length; i++) {
            result[i] = from + i;
        }
        return result;
    }

    @Test
    void boundsCutTheSampleIntoEqualCountsInSortOrder() {
        Batch bounds = RangeBounds.compute(List.of(values(range(50, 100)), values(range(0, 50))),
                List.of(new RangeKey("x", false, false)), 4);
        assertThat(column(bounds)).containsExactly(25L, 50L, 75L);
    }

    @Test
    void descendingBoundsFallFromHighToLow() {
        Batch bounds = RangeBounds.compute(List.of(values(range(0, 100))), List.of(new RangeKey("x", true, false)), 4);
        assertThat(column(bounds)).containsExactly(74L, 49L, 24L);
    }

    @Test
    void nullsAreABoundLikeAnyValueAtTheirEnd() {
        Long[] withNulls = new Long[8];
        System.arraycopy(range(0, 4), 0, withNulls, 0, 4);
        Batch first = RangeBounds.compute(List.of(values(withNulls)), List.of(new RangeKey("x", false, false)), 2);
        assertThat(column(first)).containsExactly(0L);
        Batch last = RangeBounds.compute(List.of(values(withNulls)), List.of(new RangeKey("x", false, true)), 2);
        assertThat(column(last)).containsExactly((Long) null);
    }

    @Test
    void skewedKeysMergeEqualBounds() {
        Long[] skewed = new Long[100];
        Arrays.fill(skewed, 7L);
        skewed[99] = 9L;
        Batch bounds = RangeBounds.compute(List.of(values(skewed)), List.of(new RangeKey("x", false, false)), 6);
        assertThat(column(bounds)).containsExactly(7L);
    }

    @Test
    void morePartitionsThanDistinctValuesGiveFewerBounds() {
        Batch bounds = RangeBounds.compute(List.of(values(1L, 2L, 3L, 1L, 2L, 3L)),
                List.of(new RangeKey("x", false, false)), 12);
        assertThat(column(bounds)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void noSampleRowsMeanNoBounds() {
        assertThat(RangeBounds.compute(List.of(values()), List.of(new RangeKey("x", false, false)), 4).rowCount())
                .isZero();
        assertThat(RangeBounds.compute(List.of(values(1L, 2L)), List.of(new RangeKey("x", false, false)), 1)
                .rowCount()).isZero();
    }
}
