package dev.floe.exec.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lane-wise sums and counts equal row-by-row ones, batch after batch (the lanes are cleared between batches). */
class LaneSumsTest {
    @Test
    void sumsAndCountsMatchARowByRowLoopAcrossBatchesAndGroupCounts() {
        Random random = new Random(5);
        LaneSums lanes = new LaneSums();
        double[] doubleSums = new double[LaneSums.MAX_GROUPS];
        long[] longSums = new long[LaneSums.MAX_GROUPS];
        long[] counts = new long[LaneSums.MAX_GROUPS];
        double[] expectedDoubles = new double[LaneSums.MAX_GROUPS];
        long[] expectedLongs = new long[LaneSums.MAX_GROUPS];
        long[] expectedCounts = new long[LaneSums.MAX_GROUPS];
        for (int batch = 0; batch < 20; batch++) {
            int groupCount = 1 + random.nextInt(batch < 10 ? 4 : LaneSums.MAX_GROUPS);
            int n = random.nextInt(1000);
            int[] groups = new int[n];
            double[] doubles = new double[n];
            long[] longs = new long[n];
            for (int i = 0; i < n; i++) {
                groups[i] = random.nextInt(groupCount);
                doubles[i] = random.nextInt(1000) / 4.0;
                longs[i] = random.nextLong();
                expectedDoubles[groups[i]] += doubles[i];
                expectedLongs[groups[i]] += longs[i];
                expectedCounts[groups[i]]++;
            }
            lanes.addDoubles(doubleSums, groups, doubles, n, groupCount);
            lanes.addLongs(longSums, groups, longs, n, groupCount);
            lanes.addCounts(counts, groups, n, groupCount);
            // quarters sum exactly in any order, so the lane order changes nothing here
            assertThat(doubleSums).containsExactly(expectedDoubles);
            assertThat(longSums).containsExactly(expectedLongs);
            assertThat(counts).containsExactly(expectedCounts);
        }
    }

    @Test
    void onlyForFewGroups() {
        assertThat(LaneSums.applies(1)).isTrue();
        assertThat(LaneSums.applies(LaneSums.MAX_GROUPS)).isTrue();
        assertThat(LaneSums.applies(LaneSums.MAX_GROUPS + 1)).isFalse();
    }
}
