package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of unique with every keep strategy. */
class DistinctTest {
    private static final InMemory PEOPLE = frame(
            column("name", DataType.STRING, "ann", "bob", "cid", "dan", "eve", "fay", null),
            column("age", DataType.INT64, 30L, 25L, null, 25L, 41L, 30L, 19L),
            column("city", DataType.STRING, "x", "y", "x", "y", "z", "x", "y"));

    private static LogicalExpr age() {
        return col("age", DataType.INT64);
    }

    @Test
    void distinctKeepVariants() {
        List<String> subset = List.of("city");
        assertThat(rows(new Distinct(PEOPLE, subset, UniqueKeep.FIRST, true))).extracting(r -> r.getFirst())
                .containsExactly("ann", "bob", "eve");
        assertThat(rows(new Distinct(PEOPLE, subset, UniqueKeep.LAST, true))).extracting(r -> r.getFirst())
                .containsExactly("eve", "fay", null);
        assertThat(rows(new Distinct(PEOPLE, subset, UniqueKeep.NONE, true))).extracting(r -> r.getFirst())
                .containsExactly("eve");
        InMemory duplicates = frame(column("a", DataType.INT64, 1L, 1L, null, null, 2L));
        assertThat(values(new Distinct(duplicates, null, UniqueKeep.ANY, true))).containsExactly(1L, null, 2L);
    }

    @Test
    void anyRowOverAllColumnsIsAHashAggregationWithTheSameRows() {
        InMemory frame = frame(
                column("city", DataType.STRING, "x", "y", "x", null, "x", null, "y", "z"),
                column("age", DataType.INT64, 1L, 2L, 1L, 3L, null, 3L, 2L, 1L));
        List<List<Object>> expected = List.of(row("x", 1L), row("y", 2L), row(null, 3L), row("x", null),
                row("z", 1L));
        for (ExecutionOptions options : List.of(new ExecutionOptions(1, 65_536), new ExecutionOptions(2, 3),
                new ExecutionOptions(3, 1))) {
            assertThat(rows(new Distinct(frame, null, UniqueKeep.ANY, false), options)).as("%s", options)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(rows(new Distinct(frame, List.of("age", "city"), UniqueKeep.ANY, false), options))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(rows(new Distinct(frame, List.of("city"), UniqueKeep.ANY, false))).hasSize(4);
        InMemory empty = frame(column("a", DataType.INT64));
        assertThat(rows(new Distinct(empty, null, UniqueKeep.ANY, false))).isEmpty();
    }
}
