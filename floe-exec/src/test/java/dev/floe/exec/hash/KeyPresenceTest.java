package dev.floe.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The key sets join probes test first: exact for sparse keys, absent when they could not reject enough. */
class KeyPresenceTest {
    @Test
    void sparseKeysAreExactlyTheMembers() {
        long[] keys = {0, 63, 64, 1_000, 4_095};
        KeyPresence presence = KeyPresence.of(keys, 0, 1, keys.length, null);

        assertThat(presence.filters()).isTrue();
        for (long key = -2; key < 5_000; key++) {
            boolean member = key == 0 || key == 63 || key == 64 || key == 1_000 || key == 4_095;
            assertThat(presence.mayContain(key)).as("key " + key).isEqualTo(member);
        }
        assertThat(presence.mayContain(1L << 40)).isFalse();
    }

    @Test
    void stridesAndExcludedGroupsSelectTheKeys() {
        long[] pairs = {10, 7_000, 20, 8_000, 30, 9_000};
        KeyPresence second = KeyPresence.of(pairs, 1, 2, 3, new boolean[] {false, true, false});

        assertThat(second.mayContain(7_000)).isTrue();
        assertThat(second.mayContain(8_000)).isFalse();
        assertThat(second.mayContain(9_000)).isTrue();
        assertThat(second.mayContain(10)).isFalse();
    }

    @Test
    void denseNegativeOrHugeKeysGiveNoSet() {
        assertThat(KeyPresence.of(new long[] {0, 1, 2, 3, 5}, 0, 1, 5, null).filters()).isFalse();
        assertThat(KeyPresence.of(new long[] {-1, 100}, 0, 1, 2, null).filters()).isFalse();
        assertThat(KeyPresence.of(new long[] {1L << 30}, 0, 1, 1, null).filters()).isFalse();
        assertThat(KeyPresence.of(new long[0], 0, 1, 0, null).filters()).isFalse();
        assertThat(KeyPresence.ALL.mayContain(-5)).isTrue();
    }

    @Test
    void pairTablesFindTheSameGroupsWithTheSetsAsAMapSays() {
        GroupTable table = GroupTable.create(List.of(DataType.INT64, DataType.INT64));
        Random random = new Random(5);
        int n = 5_000;
        long[] first = new long[n];
        long[] second = new long[n];
        for (int i = 0; i < n; i++) {
            first[i] = random.nextInt(50) * 997L;  // sparse
            second[i] = random.nextInt(40);        // dense
        }
        long[] validity = Bitmap.allSet(n);
        Bitmap.clear(validity, 3);
        List<Vector> build = List.of(LongVector.of(DataType.INT64, first), new LongVector(DataType.INT64, second,
                validity, n));
        int[] ids = table.groupIds(build, n);
        Map<List<Long>, Integer> reference = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (i != 3) {
                reference.putIfAbsent(List.of(first[i], second[i]), ids[i]);
            }
        }
        long[] probeFirst = new long[n];
        long[] probeSecond = new long[n];
        for (int i = 0; i < n; i++) {
            probeFirst[i] = random.nextInt(50 * 997 + 10);
            probeSecond[i] = random.nextInt(45);
            if (i % 3 == 0) {
                probeFirst[i] = first[i];
                probeSecond[i] = second[i];
            }
        }
        int[] found = table.find(List.of(LongVector.of(DataType.INT64, probeFirst),
                LongVector.of(DataType.INT64, probeSecond)), n, false);
        for (int i = 0; i < n; i++) {
            if (i == 3) {
                continue;
            }
            assertThat(found[i]).as("pair " + probeFirst[i] + ", " + probeSecond[i])
                    .isEqualTo(reference.getOrDefault(List.of(probeFirst[i], probeSecond[i]), -1));
        }
    }
}
