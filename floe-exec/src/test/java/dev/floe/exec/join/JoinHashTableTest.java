package dev.floe.exec.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinHashTableTest {
    private static final DataType INT64 = DataType.INT64;

    @Test
    void groupsBuildRowsByKeyInRowOrderAndDropsNullKeys() {
        // rows: 0:7, 1:null, 2:5, 3:7, 4:9 (validity bit 1 cleared)
        Vector keys = new LongVector(INT64, new long[] {7, 0, 5, 7, 9}, new long[] {0b11101}, 5);
        JoinHashTable table = new JoinHashTable(List.of(keys), List.of(INT64), 5);
        assertThat(table.unique()).isFalse();
        int[] groups = table.find(List.of(LongVector.of(INT64, 7, 5, 9, 8)), 4);
        assertThat(groups[3]).isEqualTo(-1);
        assertThat(rowsOf(table, groups[0])).containsExactly(0, 3);
        assertThat(rowsOf(table, groups[1])).containsExactly(2);
        assertThat(rowsOf(table, groups[2])).containsExactly(4);
    }

    @Test
    void distinctKeysMakeAUniqueTable() {
        JoinHashTable table = new JoinHashTable(List.of(LongVector.of(INT64, 3, 1, 2)), List.of(INT64), 3);
        assertThat(table.unique()).isTrue();
        int[] groups = table.find(List.of(LongVector.of(INT64, 2, 3)), 2);
        assertThat(table.uniqueRow(groups[0])).isEqualTo(2);
        assertThat(table.uniqueRow(groups[1])).isEqualTo(0);
    }

    @Test
    void distinctKeysWithANullKeepTheNullRowOutOfEveryMatch() {
        // rows: 0:4, 1:null, 2:6 (validity bit 1 cleared): distinct, but row 1 never matches
        Vector keys = new LongVector(INT64, new long[] {4, 0, 6}, new long[] {0b101}, 3);
        JoinHashTable table = new JoinHashTable(List.of(keys), List.of(INT64), 3);
        int[] groups = table.find(List.of(LongVector.of(INT64, 6, 4, 0)), 3);
        assertThat(rowsOf(table, groups[0])).containsExactly(2);
        assertThat(rowsOf(table, groups[1])).containsExactly(0);
        assertThat(groups[2]).isEqualTo(-1);
        assertThat(table.uniqueRow(groups[0])).isEqualTo(2);
    }

    @Test
    void aPrimaryKeyBuildSideFindsEachRowAndStoresNoRowLists() {
        long[] values = new long[1_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 7L * (values.length - i);
        }
        JoinHashTable table = new JoinHashTable(List.of(LongVector.of(INT64, values)), List.of(INT64), values.length);
        assertThat(table.unique()).isTrue();
        assertThat(table.estimatedBytes()).as("no row lists").isEqualTo(24L * values.length);
        int[] groups = table.find(List.of(LongVector.of(INT64, values[999], values[0], 5)), 3);
        assertThat(rowsOf(table, groups[0])).containsExactly(999);
        assertThat(table.uniqueRow(groups[1])).isZero();
        assertThat(groups[2]).isEqualTo(-1);
    }

    private static List<Integer> rowsOf(JoinHashTable table, int group) {
        List<Integer> rows = new java.util.ArrayList<>();
        for (int index = table.start(group); index < table.end(group); index++) {
            rows.add(table.row(index));
        }
        return rows;
    }
}
