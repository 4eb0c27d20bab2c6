package dev.floe.pdsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableBatchesTest {
    /** A generated row of a fake table. */
    record Row(long key, double amount, int day, String text, char flag) {
    }

    private static final Schema SCHEMA = Schema.of(new Field("key", DataType.INT64),
            new Field("amount", DataType.FLOAT64), new Field("day", DataType.DATE),
            new Field("text", DataType.STRING), new Field("flag", DataType.STRING));

    private static final List<GeneratedColumn<Row>> COLUMNS = List.of(new GeneratedColumn.Int64<>(Row::key),
            new GeneratedColumn.Float64<>(Row::amount), new GeneratedColumn.Date<>(Row::day),
            new GeneratedColumn.Text<>(Row::text, 1), new GeneratedColumn.Character<>(Row::flag));

    @Test
    void copiesEveryColumnOfEveryRowIntoBatchesOfAtMostTheBatchSize() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new Row(i, i * 1.5, 10_000 + i, "text number " + i + " é", (char) ('A' + i)));
        }
        TableBatches<Row> batches = new TableBatches<>(rows, SCHEMA, COLUMNS, 2);

        List<Batch> all = new ArrayList<>();
        batches.forEachRemaining(all::add);

        assertThat(all).extracting(Batch::rowCount).containsExactly(2, 2, 1);
        Batch last = all.get(2);
        assertThat(((LongVector) last.column(0)).get(0)).isEqualTo(4L);
        assertThat(((DoubleVector) last.column(1)).get(0)).isEqualTo(6.0);
        assertThat(((IntVector) last.column(2)).get(0)).isEqualTo(10_004);
        assertThat(((BytesVector) last.column(3)).getString(0)).isEqualTo("text number 4 é");
        assertThat(((BytesVector) last.column(4)).getString(0)).isEqualTo("E");
        assertThat(((BytesVector) all.get(0).column(3)).getString(1)).isEqualTo("text number 1 é");
    }

    @Test
    void rejectsColumnsThatDoNotMatchTheSchema() {
        assertThatThrownBy(() -> new TableBatches<>(List.<Row>of(), SCHEMA, COLUMNS.subList(0, 4), 10))
                .hasMessageContaining("the schema has 5 columns but 4 are generated");
        List<GeneratedColumn<Row>> swapped = new ArrayList<>(COLUMNS);
        swapped.set(0, new GeneratedColumn.Float64<>(Row::amount));
        assertThatThrownBy(() -> new TableBatches<>(List.<Row>of(), SCHEMA, swapped, 10))
                .hasMessageContaining("column key is").hasMessageContaining("generated as");
    }
}
