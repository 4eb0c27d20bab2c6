package dev.floe.exec.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BytesSetTest {
    @Test
    void containsExactlyTheConstantsIncludingEmptyDuplicateAndPrefixes() {
        List<String> constants = List.of("SM CASE", "SM BOX", "SM PACK", "SM PKG", "", "SM BOX", "é");
        BytesSet set = new BytesSet((BytesVector) Vectors.fromObjects(DataType.STRING, constants));
        Set<String> expected = new HashSet<>(constants);
        List<String> probes = new ArrayList<>(constants);
        probes.addAll(List.of("SM", "SM BOXX", "SM BO", "MED BOX", "e", " ", "SM CASE "));
        for (int i = 0; i < 200; i++) {
            probes.add("SM " + i);
        }
        for (String probe : probes) {
            byte[] bytes = ("xx" + probe + "yy").getBytes(StandardCharsets.UTF_8);
            assertThat(set.contains(bytes, 2, bytes.length - 2)).as(probe).isEqualTo(expected.contains(probe));
        }
    }

    @Test
    void manyConstants() {
        List<String> constants = new ArrayList<>();
        for (int i = 0; i < 1000; i += 2) {
            constants.add("k" + i);
        }
        BytesSet set = new BytesSet((BytesVector) Vectors.fromObjects(DataType.STRING, constants));
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = ("k" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(set.contains(bytes, 0, bytes.length)).isEqualTo(i % 2 == 0);
        }
    }
}
