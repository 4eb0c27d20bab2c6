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

/** The two-key integer group table gives one id per pair whether the pair packs into one long, is wide, or has nulls. */
class LongPairGroupTableTest {
    @Test
    void packedWideAndNullPairsEachKeepTheirOwnGroup() {
        GroupTable table = GroupTable.create(List.of(DataType.INT64, DataType.INT64));
        long big = 1L << 32;
        long[] validity = Bitmap.allSet(8);
        Bitmap.clear(validity, 6);
        LongVector first = new LongVector(DataType.INT64, new long[] {1, 1, big, 1, -1, 1, 0, 0}, null, 8);
        LongVector second = new LongVector(DataType.INT64, new long[] {2, 2, 2, big, 2, 2, 2, 2}, validity, 8);

        int[] ids = table.groupIds(List.<Vector>of(first, second), 8);

        assertThat(ids).containsExactly(0, 0, 1, 2, 3, 0, 4, 5);
        assertThat(table.find(List.<Vector>of(first, second), 8, false)).containsExactly(0, 0, 1, 2, 3, 0, -1, 5);
        assertThat(table.find(List.<Vector>of(first, second), 8, true)).containsExactly(0, 0, 1, 2, 3, 0, 4, 5);
        List<Vector> keys = table.keyColumns();
        assertThat(((LongVector) keys.get(0)).values()).startsWith(1, big, 1, -1, 0, 0);
        assertThat(keys.get(1).validity()).isNotNull();
    }

    @Test
    void manyPairsAcrossGrowthAndMergeMatchAReferenceMap() {
        Random random = new Random(11);
        GroupTable left = GroupTable.create(List.of(DataType.INT64, DataType.INT64));
        GroupTable right = GroupTable.create(List.of(DataType.INT64, DataType.INT64));
        Map<List<Long>, Integer> reference = new HashMap<>();
        int n = 100_000;
        long[] a = new long[n];
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextInt(10) == 0 ? -random.nextInt(50) : random.nextInt(3000);
            b[i] = random.nextInt(10) == 0 ? (1L << 33) + random.nextInt(5) : random.nextInt(20);
        }
        List<Vector> keys = List.of(LongVector.of(DataType.INT64, a), LongVector.of(DataType.INT64, b));
        int[] ids = left.groupIds(keys, n);
        for (int i = 0; i < n; i++) {
            Integer known = reference.putIfAbsent(List.of(a[i], b[i]), ids[i]);
            assertThat(known == null ? ids[i] : known).isEqualTo(ids[i]);
        }
        assertThat(left.groupCount()).isEqualTo(reference.size());

        int[] mapping = right.mergeFrom(left);
        int[] rightIds = right.find(keys, n, false);
        for (int i = 0; i < n; i++) {
            assertThat(rightIds[i]).isEqualTo(mapping[ids[i]]);
        }
        assertThat(right.groupCount()).isEqualTo(reference.size());
    }
}
