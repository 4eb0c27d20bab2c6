package dev.floe.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-key integer group table gives the same ids whether keys come in runs, alternate, or hold nulls. */
class LongGroupTableTest {
    @Test
    void runsOfEqualKeysShareTheirGroupAcrossDirectAndHashedKeys() {
        GroupTable table = GroupTable.create(List.of(DataType.INT64));
        long big = 5_000_000_000L;
        LongVector keys = LongVector.of(DataType.INT64, 0, 0, 0, big, big, 0, 7, 7, big, -1, -1, 0);

        int[] ids = table.groupIds(List.<Vector>of(keys), 12);

        assertThat(ids).containsExactly(0, 0, 0, 1, 1, 0, 2, 2, 1, 3, 3, 0);
        assertThat(table.find(List.<Vector>of(LongVector.of(DataType.INT64, 7, 7, 8, 8, big, big, -1)), 7, false))
                .containsExactly(2, 2, -1, -1, 1, 1, 3);
    }

    @Test
    void findWithNullsBetweenRunsOfTheSameKey() {
        GroupTable table = GroupTable.create(List.of(DataType.INT64));
        long[] validity = Bitmap.allSet(5);
        Bitmap.clear(validity, 2);
        LongVector keys = new LongVector(DataType.INT64, new long[] {9_000_000_000L, 9_000_000_000L, 0,
                9_000_000_000L, 3}, validity, 5);

        int[] ids = table.groupIds(List.<Vector>of(keys), 5);
        assertThat(ids).containsExactly(0, 0, 1, 0, 2);
        assertThat(table.find(List.<Vector>of(keys), 5, false)).containsExactly(0, 0, -1, 0, 2);
        assertThat(table.find(List.<Vector>of(keys), 5, true)).containsExactly(0, 0, 1, 0, 2);
    }

    @Test
    void keysHashedBeforeTheDirectArrayGrowsOverThemKeepTheirGroups() {
        GroupTable table = GroupTable.create(List.of(DataType.INT64));
        java.util.Map<Long, Integer> reference = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(7);
        // A sparse key first (hashed: too sparse for the direct array), then ever denser keys that make the
        // direct array grow over it, plus negative and huge keys that always hash.
        long[][] batches = new long[6][];
        batches[0] = new long[] {5_000_000L, -3L, 1L << 40};
        for (int b = 1; b < batches.length; b++) {
            batches[b] = new long[200_000];
            for (int i = 0; i < batches[b].length; i++) {
                int range = b * 1_200_000;
                batches[b][i] = random.nextInt(20) == 0 ? -random.nextInt(1000) : random.nextInt(range);
            }
        }
        for (long[] batch : batches) {
            int[] ids = table.groupIds(List.<Vector>of(LongVector.of(DataType.INT64, batch)), batch.length);
            for (int i = 0; i < batch.length; i++) {
                Integer known = reference.putIfAbsent(batch[i], ids[i]);
                assertThat(ids[i]).isEqualTo(known == null ? reference.size() - 1 : known);
            }
        }
        long[] probes = {5_000_000L, -3L, 1L << 40, 5_999_999L, 7_000_001L, -999L, 123L};
        int[] found = table.find(List.<Vector>of(LongVector.of(DataType.INT64, probes)), probes.length, false);
        for (int i = 0; i < probes.length; i++) {
            assertThat(found[i]).as("key " + probes[i]).isEqualTo(reference.getOrDefault(probes[i], -1));
        }
        List<Vector> keyColumns = table.keyColumns();
        long[] keys = ((LongVector) keyColumns.getFirst()).values();
        for (var entry : reference.entrySet()) {
            assertThat(keys[entry.getValue()]).isEqualTo(entry.getKey());
        }
    }

    @Test
    void mergingTablesMapsEveryGroup() {
        GroupTable first = GroupTable.create(List.of(DataType.INT64));
        GroupTable second = GroupTable.create(List.of(DataType.INT64));
        long[] a = {3_000_000L, 1, 2, -5};
        long[] b = {2, 9_000_000L, -5, 3_000_000L, 70_000};
        first.groupIds(List.<Vector>of(LongVector.of(DataType.INT64, a)), a.length);
        second.groupIds(List.<Vector>of(LongVector.of(DataType.INT64, b)), b.length);
        int[] mapping = first.mergeFrom(second);
        assertThat(mapping).containsExactly(2, 4, 3, 0, 5);
        assertThat(first.groupCount()).isEqualTo(6);
    }

    @Test
    void sparseKeysAreFoundThroughTheKeyFilterAndNewKeysAfterMoreInserts() {
        GroupTable table = GroupTable.create(List.of(DataType.INT64));
        long[] build = {0, 63, 64, 1_000, 70_000, 2_000_000, 3_999_999};
        int[] ids = table.groupIds(List.<Vector>of(LongVector.of(DataType.INT64, build)), build.length);
        long[] probes = {0, 1, 62, 63, 64, 65, 999, 1_000, 70_000, 2_000_000, 3_999_999, 4_000_000, -1, 1L << 40,
            63, 63, 5};
        int[] found = table.find(List.<Vector>of(LongVector.of(DataType.INT64, probes)), probes.length, false);
        java.util.Map<Long, Integer> reference = new java.util.HashMap<>();
        for (int i = 0; i < build.length; i++) {
            reference.put(build[i], ids[i]);
        }
        for (int i = 0; i < probes.length; i++) {
            assertThat(found[i]).as("key " + probes[i]).isEqualTo(reference.getOrDefault(probes[i], -1));
        }
        // more keys after a find: the next find sees them
        long[] more = {1, 5, 4_000_000};
        int[] moreIds = table.groupIds(List.<Vector>of(LongVector.of(DataType.INT64, more)), more.length);
        int[] again = table.find(List.<Vector>of(LongVector.of(DataType.INT64, more)), more.length, false);
        assertThat(again).containsExactly(moreIds);
        assertThat(moreIds).doesNotContain(-1);
    }

    @Test
    void oneLargeBatchOfSparseKeysGetsTheSameIdsAsAMap() {
        GroupTable table = GroupTable.create(List.of(DataType.INT64));
        java.util.Random random = new java.util.Random(11);
        long[] keys = new long[300_000];
        for (int i = 0; i < keys.length; i++) {
            // up to 4 M: more than the 1 M minimum direct array, dense enough for one batch to size it at once
            keys[i] = random.nextInt(4_000_000);
        }
        int[] ids = table.groupIds(List.<Vector>of(LongVector.of(DataType.INT64, keys)), keys.length);
        java.util.Map<Long, Integer> reference = new java.util.HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            Integer known = reference.putIfAbsent(keys[i], ids[i]);
            assertThat(ids[i]).isEqualTo(known == null ? reference.size() - 1 : known);
        }
        long[] probes = new long[1_000];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = random.nextInt(4_100_000);
        }
        int[] found = table.find(List.<Vector>of(LongVector.of(DataType.INT64, probes)), probes.length, false);
        for (int i = 0; i < probes.length; i++) {
            assertThat(found[i]).as("key " + probes[i]).isEqualTo(reference.getOrDefault(probes[i], -1));
        }
    }

    @Test
    void aDenseRunFarFromZeroIsIndexedAndTheWindowGrowsUpAndDown() {
        LongGroupTable table = new LongGroupTable(DataType.INT64);
        java.util.Map<Long, Integer> reference = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(3);
        // A task's run of row groups sorted by the key: ascending runs from 40 M, every 4th key used; then lower
        // keys (a run read later from an earlier file), sparse keys, negative keys and the ends of the longs.
        long next = 40_000_000L;
        for (int b = 0; b < 8; b++) {
            long[] batch = new long[50_000];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = next;
                if (random.nextInt(3) == 0) {
                    next += 4;
                }
            }
            add(table, reference, batch);
        }
        assertThat(table.inDirectWindow(40_000_000L)).isTrue();
        assertThat(table.inDirectWindow(next)).isTrue();
        long[] lower = new long[50_000];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = 39_900_000L + 2L * i;
        }
        add(table, reference, lower);
        assertThat(table.inDirectWindow(39_900_000L)).isTrue();
        add(table, reference, new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -7, 1L << 40, 7, 40_000_000L, 7});
        assertThat(table.inDirectWindow(1L << 40)).isFalse();
        long[] beyond = new long[20_000];
        for (int i = 0; i < beyond.length; i++) {
            beyond[i] = random.nextInt(3) == 0 ? 35_000_000L + random.nextInt(10_000_000)
                    : next + random.nextInt(1_000_000);
        }
        add(table, reference, beyond);

        long[] probes = new long[5_000];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = 35_000_000L + random.nextInt(10_000_000);
        }
        probes[0] = Long.MIN_VALUE;
        probes[1] = Long.MAX_VALUE;
        probes[2] = -7;
        probes[3] = 8;
        int[] found = table.find(List.<Vector>of(LongVector.of(DataType.INT64, probes)), probes.length, false);
        for (int i = 0; i < probes.length; i++) {
            assertThat(found[i]).as("key " + probes[i]).isEqualTo(reference.getOrDefault(probes[i], -1));
        }
        long[] keys = ((LongVector) table.keyColumns().getFirst()).values();
        for (var entry : reference.entrySet()) {
            assertThat(keys[entry.getValue()]).isEqualTo(entry.getKey());
        }
    }

    @Test
    void keysFallingBelowTheWindowOneByOneKeepTheirGroups() {
        LongGroupTable table = new LongGroupTable(DataType.INT64);
        java.util.Map<Long, Integer> reference = new java.util.HashMap<>();
        for (long key = 10_000_000L; key > 8_000_000L; key -= 1_000) {
            long[] batch = new long[1_000];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = key - i;
            }
            add(table, reference, batch);
        }
        assertThat(table.inDirectWindow(8_000_001L)).isTrue();
        assertThat(table.inDirectWindow(10_000_000L)).isTrue();
        assertThat(table.groupCount()).isEqualTo(reference.size());
    }

    @Test
    void intKeysFarFromZeroMatchAMap() {
        GroupTable table = GroupTable.create(List.of(DataType.INT32));
        int[] values = new int[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2_000_000_000 - (i % 30_000) * 3;
        }
        int[] ids = table.groupIds(List.<Vector>of(dev.floe.core.vector.IntVector.of(DataType.INT32, values)),
                values.length);
        java.util.Map<Integer, Integer> reference = new java.util.HashMap<>();
        for (int i = 0; i < values.length; i++) {
            Integer known = reference.putIfAbsent(values[i], ids[i]);
            assertThat(ids[i]).isEqualTo(known == null ? reference.size() - 1 : known);
        }
    }

    @Test
    void ascendingKeysAsSparseAsAFinalAggregationAfterAHashShuffleStayIndexed() {
        LongGroupTable table = new LongGroupTable(DataType.INT64);
        java.util.Map<Long, Integer> reference = new java.util.HashMap<>();
        // every 24th key on average (a quarter of the keys used, one partition of six), in ascending runs
        java.util.Random random = new java.util.Random(5);
        long key = 1;
        for (int b = 0; b < 40; b++) {
            long[] batch = new long[4_096];
            for (int i = 0; i < batch.length; i++) {
                key += 1 + random.nextInt(47);
                batch[i] = key;
            }
            add(table, reference, batch);
        }
        assertThat(key).isGreaterThan(3_000_000L);
        assertThat(table.inDirectWindow(key)).isTrue();
        assertThat(table.inDirectWindow(2_000_000L)).isTrue();
    }

    /** Adds a batch, checking each id against first appearance in the reference map. */
    private static void add(GroupTable table, java.util.Map<Long, Integer> reference, long[] batch) {
        int[] ids = table.groupIds(List.<Vector>of(LongVector.of(DataType.INT64, batch)), batch.length);
        for (int i = 0; i < batch.length; i++) {
            Integer known = reference.putIfAbsent(batch[i], ids[i]);
            assertThat(ids[i]).as("key " + batch[i]).isEqualTo(known == null ? reference.size() - 1 : known);
        }
    }
}
