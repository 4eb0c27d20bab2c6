package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.expr.LogicalExpr;
import org.junit.jupiter.api.Test;

/** Tests of with_row_index. */
class RowIndexTest {
    private static final InMemory PEOPLE = frame(
            column("name", DataType.STRING, "ann", "bob", "cid", "dan", "eve", "fay", null),
            column("age", DataType.INT64, 30L, 25L, null, 25L, 41L, 30L, 19L),
            column("city", DataType.STRING, "x", "y", "x", "y", "z", "x", "y"));

    private static LogicalExpr age() {
        return col("age", DataType.INT64);
    }

    @Test
    void rowIndexNumbersFromTheOffset() {
        RowIndex index = new RowIndex(new Filter(PEOPLE, compare(BinaryOperator.LESS, age(), lit(30L, DataType.INT64))),
                "nr", 10);
        assertThat(index.schema().names()).containsExactly("nr", "name", "age", "city");
        assertThat(rows(index)).extracting(r -> r.getFirst()).containsExactly(10L, 11L, 12L);
    }
}
