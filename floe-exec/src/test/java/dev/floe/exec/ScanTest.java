package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.LongVector;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.TableOpener;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Scan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ScanTest {
    private static final Schema SCHEMA = Schema.of(Field.of("id", DataType.INT64), Field.of("tag", DataType.STRING));
    private static final AtomicReference<FakeTableSource> LAST = new AtomicReference<>();

    private static Batch batch(long from, int rows) {
        long[] ids = new long[rows];
        String[] tags = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = from + i;
            tags[i] = (from + i) % 2 == 0 ? "even" : "odd";
        }
        return new Batch(SCHEMA, List.of(LongVector.of(DataType.INT64, ids), BytesVector.ofStrings(tags)));
    }

    /** Serves three "files" from memory; option {@code fail} makes reading that file throw. */
    private static final TableOpener TABLES = source -> {
        int failing = Integer.parseInt(source.option("fail", "-1"));
        FakeTableSource table = new FakeTableSource(source, SCHEMA, List.of(
                List.of(batch(0, 4), batch(4, 3)), List.of(), List.of(batch(7, 5))), failing);
        LAST.set(table);
        return table;
    };

    private static ScanSource source(Map<String, String> options) {
        return new ScanSource(FileFormat.IPC, List.of("memory://table"), options);
    }

    @Test
    void readsEveryFileInOrder() {
        assertThat(values(new Scan(source(Map.of()), SCHEMA, List.of("id"), null, -1), TABLES))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void predicateIsAppliedExactlyAndItsColumnsDroppedAfterwards() {
        Scan scan = new Scan(source(Map.of()), SCHEMA, List.of("id"),
                binary(BinaryOperator.AND,
                        compare(BinaryOperator.EQUAL, col("tag", DataType.STRING), lit("odd", DataType.STRING)),
                        compare(BinaryOperator.GREATER, col("id", DataType.INT64), lit(4L, DataType.INT64)),
                        DataType.BOOLEAN), 2);
        assertThat(values(scan, TABLES)).containsExactly(5L, 7L);
        assertThat(scan.schema().names()).containsExactly("id");
        var request = LAST.get().requests.getFirst();
        assertThat(request.columns()).containsExactly("id", "tag");
        assertThat(request.predicate()).isEqualTo(new ColumnPredicate.And(List.of(
                new ColumnPredicate.Compare("tag", ColumnPredicate.CompareOp.EQ, "odd"),
                new ColumnPredicate.Compare("id", ColumnPredicate.CompareOp.GT, 4L))));
    }

    @Test
    void aFailingReaderFailsTheQueryWithAnInternalErrorAndItsCause() {
        Scan scan = new Scan(source(Map.of("fail", "2")), SCHEMA, null, null, -1);
        for (ExecutionOptions options : List.of(new ExecutionOptions(1, 2), new ExecutionOptions(3, 2))) {
            assertThatThrownBy(() -> new LocalExecutor(options, TABLES).execute(scan))
                    .isInstanceOf(FloeException.class)
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.INTERNAL));
        }
    }

    @Test
    void aHeadStopsReadingOnceAPrefixOfFilesHasEnoughRows() {
        Scan scan = new Scan(source(Map.of("fail", "2")), SCHEMA, List.of("id"), null, 3);
        assertThat(rows(scan, new ExecutionOptions(1, 2), TABLES)).containsExactly(row(0L), row(1L), row(2L));
        dev.floe.plan.logical.Slice head = new dev.floe.plan.logical.Slice(
                new Scan(source(Map.of("fail", "2")), SCHEMA, List.of("id"), null, -1), 1, 5);
        assertThat(rows(head, new ExecutionOptions(1, 2), TABLES)).extracting(r -> r.getFirst())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
    }
}
