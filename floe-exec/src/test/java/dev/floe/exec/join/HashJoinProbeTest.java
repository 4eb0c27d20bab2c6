package dev.floe.exec.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Evaluator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashJoinProbeTest {
    private static final DataType INT64 = DataType.INT64;
    private static final Schema PROBE = Schema.of(Field.of("key", INT64), Field.of("amount", INT64));
    private static final Schema OUTPUT = Schema.of(Field.of("key", INT64), Field.of("amount", INT64),
            Field.of("name", INT64));
    private static final JoinLayout LAYOUT = new JoinLayout(OUTPUT, new boolean[] {true, true, false},
            new int[] {0, 1, 1});
    /** Build rows (key, name): keys are distinct, so the table is unique. */
    private static final Batch BUILD = new Batch(Schema.of(Field.of("key", INT64), Field.of("name", INT64)),
            List.of(LongVector.of(INT64, 30, 10, 20), LongVector.of(INT64, 300, 100, 200)), 3);

    private static HashJoinProbe probe(HashJoinProbe.Mode mode) {
        JoinHashTable table = new JoinHashTable(List.of(BUILD.column(0)), List.of(INT64), 3);
        assertThat(table.unique()).isTrue();
        Evaluator key = batch -> batch.column(0);
        return new HashJoinProbe(mode, List.of(key), table, BUILD, LAYOUT, null);
    }

    private static Batch probeBatch(long... keys) {
        long[] amounts = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            amounts[i] = keys[i] + 1;
        }
        return new Batch(PROBE, List.of(LongVector.of(INT64, keys), LongVector.of(INT64, amounts)), keys.length);
    }

    @Test
    void whenEveryProbeRowMatchesTheProbeColumnsPassThroughUncopied() {
        Batch input = probeBatch(20, 10, 20, 30);
        Batch output = probe(HashJoinProbe.Mode.INNER).apply(input);
        assertThat(output.column(0)).isSameAs(input.column(0));
        assertThat(output.column(1)).isSameAs(input.column(1));
        assertThat(rows(output)).containsExactly(List.of(20L, 21L, 200L), List.of(10L, 11L, 100L),
                List.of(20L, 21L, 200L), List.of(30L, 31L, 300L));
    }

    @Test
    void anInnerJoinKeepsOnlyTheMatchingProbeRowsInOrder() {
        Batch output = probe(HashJoinProbe.Mode.INNER).apply(probeBatch(5, 10, 7, 30, 8));
        assertThat(rows(output)).containsExactly(List.of(10L, 11L, 100L), List.of(30L, 31L, 300L));
    }

    @Test
    void anInnerJoinWithoutMatchesIsEmpty() {
        assertThat(probe(HashJoinProbe.Mode.INNER).apply(probeBatch(1, 2)).rowCount()).isZero();
    }

    @Test
    void anOuterJoinKeepsEveryProbeRowWithNullsWhereNothingMatched() {
        Batch input = probeBatch(5, 10, 30);
        Batch output = probe(HashJoinProbe.Mode.OUTER).apply(input);
        assertThat(output.column(0)).isSameAs(input.column(0));
        assertThat(rows(output)).containsExactly(java.util.Arrays.asList(5L, 6L, null), List.of(10L, 11L, 100L),
                List.of(30L, 31L, 300L));
    }

    private static List<List<Long>> rows(Batch batch) {
        List<List<Long>> rows = new ArrayList<>();
        for (int row = 0; row < batch.rowCount(); row++) {
            List<Long> values = new ArrayList<>();
            for (Vector column : batch.columns()) {
                values.add(column.isNull(row) ? null : ((LongVector) column).get(row));
            }
            rows.add(values);
        }
        return rows;
    }
}
