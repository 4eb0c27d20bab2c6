package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowMasksTest {
    @Test
    void andKeepsRowsBothMasksMarkWithinTheRowCount() {
        boolean[] keep = {true, true, false, true, true};
        RowMasks.and(keep, new boolean[] {true, false, true, true, false}, 4);
        assertThat(keep).containsExactly(true, false, false, true, true);
    }

    @Test
    void countCountsMarkedRowsWithinTheRowCount() {
        boolean[] keep = {true, false, true, true};
        assertThat(RowMasks.count(keep, 4)).isEqualTo(3);
        assertThat(RowMasks.count(keep, 2)).isEqualTo(1);
    }

    @Test
    void candidatesRetainAndMaskRoundTrip() {
        int[] candidates = new int[6];
        int count = RowMasks.candidates(new boolean[] {false, true, true, false, true, true}, 6, candidates);
        assertThat(count).isEqualTo(4);
        assertThat(candidates).startsWith(1, 2, 4, 5);
        count = RowMasks.retain(candidates, count, new boolean[] {true, false, true, true, false, true});
        assertThat(count).isEqualTo(2);
        assertThat(candidates).startsWith(2, 5);
        assertThat(RowMasks.mask(candidates, count, 6)).containsExactly(false, false, true, false, false, true);
    }
}
