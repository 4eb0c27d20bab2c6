package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of filter and with_columns: streaming operators keep the input order. */
class FilterAndProjectTest {
    private static final InMemory PEOPLE = frame(
            column("name", DataType.STRING, "ann", "bob", "cid", "dan", "eve", "fay", null),
            column("age", DataType.INT64, 30L, 25L, null, 25L, 41L, 30L, 19L),
            column("city", DataType.STRING, "x", "y", "x", "y", "z", "x", "y"));

    private static LogicalExpr age() {
        return col("age", DataType.INT64);
    }

    @Test
    void filterKeepsOrderAndDropsNulls() {
        Filter filter = new Filter(PEOPLE, compare(BinaryOperator.GREATER_EQUAL, age(), lit(25L, DataType.INT64)));
        assertThat(rows(filter)).extracting(r -> r.getFirst()).containsExactly("ann", "bob", "dan", "eve", "fay");
        Filter none = new Filter(PEOPLE, compare(BinaryOperator.GREATER, age(), lit(99L, DataType.INT64)));
        assertThat(rows(none)).isEmpty();
    }

    @Test
    void withColumnsReplacesInPlaceAndAppends() {
        WithColumns with = new WithColumns(PEOPLE, List.of(
                named("age", binary(BinaryOperator.ADD, age(), lit(1L, DataType.INT64), DataType.INT64)),
                named("old", compare(BinaryOperator.GREATER, age(), lit(29L, DataType.INT64)))));
        assertThat(with.schema().names()).containsExactly("name", "age", "city", "old");
        assertThat(rows(with).getFirst()).containsExactly("ann", 31L, "x", true);
    }

    @Test
    void emptyInputsFlowThroughEveryOperator() {
        InMemory empty = frame(column("a", DataType.INT64));
        LogicalExpr a = col("a", DataType.INT64);
        assertThat(rows(new Sort(new Filter(empty, compare(BinaryOperator.GREATER, a, lit(1L, DataType.INT64))),
                List.of(new SortKey(a, false, false)), true, -1))).isEmpty();
        assertThat(rows(new Distinct(empty, null, UniqueKeep.FIRST, true))).isEmpty();
        assertThat(rows(new RowIndex(empty, "i", 0))).isEmpty();
    }
}
