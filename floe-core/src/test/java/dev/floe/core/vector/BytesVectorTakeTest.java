package dev.floe.core.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code take} on strings copies runs of consecutive rows at once and gives each row's value, whatever the rows. */
class BytesVectorTakeTest {
    private static List<Object> randomStrings(Random random, int n) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            values.add(kind == 0 ? null : kind == 1 ? "" : "x".repeat(random.nextInt(40)) + i);
        }
        return values;
    }

    private static int[] selection(Random random, int n, double keep) {
        int[] rows = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < keep) {
                rows[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(rows, count);
    }

    @Test
    void stringsMatchARowWiseTakeForDenseAndSparseSelections() {
        Random random = new Random(11);
        for (double keep : new double[] {0.02, 0.5, 0.98, 1.0}) {
            List<Object> values = randomStrings(random, 2000);
            Vector strings = Vectors.fromObjects(DataType.STRING, values);
            int[] rows = selection(random, 2000, keep);
            Vector taken = strings.take(rows, rows.length);
            assertThat(taken).isInstanceOf(BytesVector.class);
            assertThat(taken.length()).isEqualTo(rows.length);
            for (int i = 0; i < rows.length; i++) {
                assertThat(taken.getObject(i)).isEqualTo(values.get(rows[i]));
            }
        }
    }

    @Test
    void batchesKeepTheirSchemaAndOtherTypes() {
        Schema schema = new Schema(List.of(new Field("s", DataType.STRING), new Field("n", DataType.INT64)));
        Batch batch = new Batch(schema, List.of(Vectors.fromObjects(DataType.STRING, List.of("a", "bb", "c", "dd")),
                Vectors.fromObjects(DataType.INT64, List.of(1L, 2L, 3L, 4L))));
        Batch taken = batch.take(new int[] {1, 2}, 2);
        assertThat(taken.schema()).isEqualTo(schema);
        assertThat(taken.column(0).getObject(0)).isEqualTo("bb");
        assertThat(taken.column(0).getObject(1)).isEqualTo("c");
        assertThat(taken.column(1).getObject(1)).isEqualTo(3L);
        assertThat(batch.take(new int[0], 0).rowCount()).isZero();
    }

    @Test
    void unorderedRepeatedAndMissingRowsAsAJoinGathersThem() {
        List<Object> values = List.of("a", "bb", "", "dddddddddddddddddddd", "e");
        Vector strings = Vectors.fromObjects(DataType.STRING, values);
        int[] rows = {3, 4, 4, -1, 0, 1, 2, 3, 2, -1};
        Vector taken = strings.take(rows, rows.length);
        for (int i = 0; i < rows.length; i++) {
            assertThat(taken.getObject(i)).isEqualTo(rows[i] < 0 ? null : values.get(rows[i]));
        }
    }
}
