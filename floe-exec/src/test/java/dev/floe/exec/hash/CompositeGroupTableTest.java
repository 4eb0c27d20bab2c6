package dev.floe.exec.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keys with strings folded through per-column tables give the ids, keys and merges of a tuple-keyed map. */
class CompositeGroupTableTest {
    private static final List<DataType> TYPES = List.of(DataType.STRING, DataType.INT32, DataType.STRING);

    private static List<List<Object>> randomRows(Random random, int n) {
        String[] words = {"A", "N", "R", "F", "O", "", "NATION"};
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Arrays.asList(random.nextInt(10) == 0 ? null : words[random.nextInt(words.length)],
                    random.nextInt(10) == 0 ? null : random.nextInt(5),
                    random.nextInt(10) == 0 ? null : words[random.nextInt(3)]));
        }
        return rows;
    }

    private static List<Vector> columns(List<List<Object>> rows) {
        List<Vector> columns = new ArrayList<>();
        for (int c = 0; c < TYPES.size(); c++) {
            List<Object> values = new ArrayList<>();
            for (List<Object> row : rows) {
                values.add(row.get(c));
            }
            columns.add(Vectors.fromObjects(TYPES.get(c), values));
        }
        return columns;
    }

    @Test
    void idsInOrderOfFirstAppearanceWithNullsAsKeysAndFindWithoutNulls() {
        GroupTable table = GroupTable.create(TYPES);
        assertThat(table).isInstanceOf(CompositeGroupTable.class);
        Map<List<Object>, Integer> reference = new HashMap<>();
        Random random = new Random(3);
        for (int batch = 0; batch < 3; batch++) {
            List<List<Object>> rows = randomRows(random, 300);
            int[] ids = table.groupIds(columns(rows), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Integer known = reference.putIfAbsent(rows.get(i), ids[i]);
                assertThat(ids[i]).isEqualTo(known == null ? reference.size() - 1 : known);
            }
        }
        assertThat(table.groupCount()).isEqualTo(reference.size());
        List<Vector> keys = table.keyColumns();
        for (var entry : reference.entrySet()) {
            int g = entry.getValue();
            assertThat(Arrays.asList(keys.get(0).getObject(g), keys.get(1).getObject(g), keys.get(2).getObject(g)))
                    .isEqualTo(entry.getKey());
        }
        List<List<Object>> probes = randomRows(new Random(4), 200);
        probes.add(Arrays.asList("absent", 1, "A"));
        int[] found = table.find(columns(probes), probes.size(), false);
        int[] foundWithNulls = table.find(columns(probes), probes.size(), true);
        for (int i = 0; i < probes.size(); i++) {
            List<Object> probe = probes.get(i);
            int expected = reference.getOrDefault(probe, -1);
            assertThat(foundWithNulls[i]).isEqualTo(expected);
            assertThat(found[i]).isEqualTo(probe.contains(null) ? -1 : expected);
        }
    }

    @Test
    void mergeMapsEveryGroupOfTheOtherTable() {
        GroupTable first = GroupTable.create(TYPES);
        GroupTable second = GroupTable.create(TYPES);
        List<List<Object>> a = randomRows(new Random(5), 100);
        List<List<Object>> b = randomRows(new Random(6), 100);
        first.groupIds(columns(a), a.size());
        int[] secondIds = second.groupIds(columns(b), b.size());
        int[] mapping = first.mergeFrom(second);
        int[] expected = first.find(columns(b), b.size(), true);
        for (int i = 0; i < b.size(); i++) {
            assertThat(mapping[secondIds[i]]).isEqualTo(expected[i]);
        }
    }

    @Test
    void onlyForAFewKeysWithAString() {
        assertThat(CompositeGroupTable.supports(List.of(DataType.INT64, DataType.INT64, DataType.INT32))).isFalse();
        assertThat(CompositeGroupTable.supports(List.of(DataType.STRING))).isFalse();
        assertThat(CompositeGroupTable.supports(List.of(DataType.STRING, DataType.FLOAT64))).isFalse();
        assertThat(CompositeGroupTable.supports(List.of(DataType.STRING, DataType.STRING, DataType.STRING,
                DataType.STRING, DataType.STRING))).isFalse();
        assertThat(CompositeGroupTable.supports(List.of(DataType.STRING, DataType.DATE))).isTrue();
    }

    @Test
    void idsStayThoseOfATupleMapWhileKeysOutgrowTheDirectGrid() {
        List<DataType> types = List.of(DataType.STRING, DataType.STRING);
        GroupTable table = GroupTable.create(types);
        Map<List<Object>, Integer> reference = new HashMap<>();
        Random random = new Random(7);
        for (int batch = 0; batch < 8; batch++) {
            int distinct = 2 << batch;
            List<Object> firsts = new ArrayList<>();
            List<Object> seconds = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                firsts.add("f" + random.nextInt(distinct));
                seconds.add("s" + random.nextInt(distinct));
            }
            int[] ids = table.groupIds(List.of(Vectors.fromObjects(DataType.STRING, firsts),
                    Vectors.fromObjects(DataType.STRING, seconds)), 500);
            for (int i = 0; i < 500; i++) {
                Integer known = reference.putIfAbsent(List.of(firsts.get(i), seconds.get(i)), ids[i]);
                assertThat(ids[i]).isEqualTo(known == null ? reference.size() - 1 : known);
            }
        }
        assertThat(table.groupCount()).isEqualTo(reference.size());
    }

    @Test
    void groupIdsAfterAMergeReuseTheMergedGroups() {
        GroupTable first = GroupTable.create(TYPES);
        GroupTable second = GroupTable.create(TYPES);
        List<List<Object>> a = randomRows(new Random(8), 50);
        List<List<Object>> b = randomRows(new Random(9), 300);
        first.groupIds(columns(a), a.size());
        second.groupIds(columns(b), b.size());
        first.mergeFrom(second);
        int groups = first.groupCount();
        int[] again = first.groupIds(columns(b), b.size());
        assertThat(first.groupCount()).isEqualTo(groups);
        assertThat(again).containsExactly(first.find(columns(b), b.size(), true));
    }
}
