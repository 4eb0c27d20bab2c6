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
}
