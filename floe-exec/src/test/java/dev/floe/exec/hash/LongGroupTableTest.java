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
}
