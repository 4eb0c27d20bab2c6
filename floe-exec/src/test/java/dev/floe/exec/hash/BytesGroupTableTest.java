package dev.floe.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vector;
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
}
