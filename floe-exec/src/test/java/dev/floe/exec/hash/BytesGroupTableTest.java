package dev.floe.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The string-key group table keeps growing past its initial capacities (groups, arena, slots) and merges. */
class BytesGroupTableTest {
    private static BytesVector keys(int from, int count) {
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = "supplier#" + (from + i);
        }
        return BytesVector.ofStrings(values);
    }

    @Test
    void assignsDenseIdsToThousandsOfDistinctKeys() {
        GroupTable table = GroupTable.create(List.of(DataType.STRING));
        BytesVector first = keys(0, 5000);
        int[] ids = table.groupIds(List.<Vector>of(first), 5000);
        int[] again = table.groupIds(List.<Vector>of(first), 5000);

        assertThat(table.groupCount()).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(ids[i]).isEqualTo(i);
            assertThat(again[i]).isEqualTo(i);
        }
        BytesVector keyColumn = (BytesVector) table.keyColumns().getFirst();
        assertThat(keyColumn.getObject(4999)).isEqualTo("supplier#4999");
    }

    @Test
    void mergesTablesOfManyGroups() {
        GroupTable left = GroupTable.create(List.of(DataType.STRING));
        GroupTable right = GroupTable.create(List.of(DataType.STRING));
        left.groupIds(List.<Vector>of(keys(0, 100)), 100);
        right.groupIds(List.<Vector>of(keys(50, 100)), 100);

        int[] mapping = left.mergeFrom(right);

        assertThat(left.groupCount()).isEqualTo(150);
        assertThat(mapping[0]).isEqualTo(50);
        assertThat(mapping[99]).isEqualTo(149);
    }

    @Test
    void oneByteKeysShareGroupsWithLongerKeysNullAndEmptyAcrossBatchesFindsAndMerges() {
        GroupTable table = GroupTable.create(List.of(DataType.STRING));
        Vector first = Vectors.fromObjects(DataType.STRING, Arrays.asList("R", "", "RF", null, "R", "\u00ff", "F"));
        Vector second = Vectors.fromObjects(DataType.STRING, Arrays.asList("F", "RF", "N", null, "", "\u00ff"));

        assertThat(table.groupIds(List.of(first), 7)).containsExactly(0, 1, 2, 3, 0, 4, 5);
        assertThat(table.groupIds(List.of(second), 6)).containsExactly(5, 2, 6, 3, 1, 4);
        Vector probe = Vectors.fromObjects(DataType.STRING, Arrays.asList("N", "A", null, "F", "R"));
        assertThat(table.find(List.of(probe), 5, false)).containsExactly(6, -1, -1, 5, 0);
        assertThat(table.find(List.of(probe), 5, true)).containsExactly(6, -1, 3, 5, 0);

        GroupTable other = GroupTable.create(List.of(DataType.STRING));
        other.groupIds(List.of(Vectors.fromObjects(DataType.STRING, Arrays.asList("A", "N", "R"))), 3);
        assertThat(table.mergeFrom(other)).containsExactly(7, 6, 0);
        assertThat(table.find(List.of(probe), 5, false)).containsExactly(6, 7, -1, 5, 0);
        assertThat(table.keyColumns().getFirst().getObject(7)).isEqualTo("A");
    }
}
