package dev.floe.exec.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Run-wise gathering gives the same rows as a row-wise take, for dense and sparse selections. */
class SelectionTakeTest {
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
            Vector taken = SelectionTake.take(strings, rows, rows.length);
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
        Batch taken = SelectionTake.take(batch, new int[] {1, 2}, 2);
        assertThat(taken.schema()).isEqualTo(schema);
        assertThat(taken.column(0).getObject(0)).isEqualTo("bb");
        assertThat(taken.column(0).getObject(1)).isEqualTo("c");
        assertThat(taken.column(1).getObject(1)).isEqualTo(3L);
        assertThat(SelectionTake.take(batch, new int[0], 0).rowCount()).isZero();
    }
}
