package dev.floe.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.LongVector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid answers the pairs put into it or known to the table it was refilled from, and -1 for others. */
class DirectPairsTest {
    private static LongPairGroupTable tableOf(long[] lefts, long[] rights) {
        LongPairGroupTable table = new LongPairGroupTable(DataType.INT64, DataType.INT64);
        table.groupIds(List.of(LongVector.of(DataType.INT64, lefts), LongVector.of(DataType.INT64, rights)),
                lefts.length);
        return table;
    }

    @Test
    void looksUpPutPairsAndCountsUnknownOnes() {
        DirectPairs grid = new DirectPairs();
        LongPairGroupTable empty = tableOf(new long[0], new long[0]);
        assertThat(grid.covers(3, 2, empty)).isTrue();
        grid.put(2, 1, 7);
        grid.put(0, 0, 3);
        int[] out = new int[4];
        assertThat(grid.lookup(new int[] {2, 0, 1, 2}, new int[] {1, 0, 1, 0}, 4, out)).isEqualTo(2);
        assertThat(out).containsExactly(7, 3, -1, -1);
    }

    @Test
    void growingRefillsFromTheTable() {
        LongPairGroupTable table = tableOf(new long[] {0, 1}, new long[] {1, 0});
        DirectPairs grid = new DirectPairs();
        assertThat(grid.covers(2, 2, table)).isTrue();
        table.groupIds(List.of(LongVector.of(DataType.INT64, 5), LongVector.of(DataType.INT64, 9)), 1);
        assertThat(grid.covers(6, 10, table)).isTrue();
        int[] out = new int[4];
        assertThat(grid.lookup(new int[] {0, 1, 5, 5}, new int[] {1, 0, 9, 8}, 4, out)).isEqualTo(1);
        assertThat(out).containsExactly(0, 1, 2, -1);
    }

    @Test
    void refusesGridsAboveTheCellLimit() {
        DirectPairs grid = new DirectPairs();
        LongPairGroupTable empty = tableOf(new long[0], new long[0]);
        assertThat(grid.covers(1000, 1000, empty)).isFalse();
        assertThat(grid.covers(4, 4, empty)).isTrue();
        assertThat(grid.covers(4, DirectPairs.MAX_CELLS, empty)).isFalse();
    }
}
