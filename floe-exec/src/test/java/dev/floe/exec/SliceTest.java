package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.expr.LogicalExpr;
import org.junit.jupiter.api.Test;

/** Tests of slice, head and tail. */
class SliceTest {
    private static final InMemory PEOPLE = frame(
            column("name", DataType.STRING, "ann", "bob", "cid", "dan", "eve", "fay", null),
            column("age", DataType.INT64, 30L, 25L, null, 25L, 41L, 30L, 19L),
            column("city", DataType.STRING, "x", "y", "x", "y", "z", "x", "y"));

    private static LogicalExpr age() {
        return col("age", DataType.INT64);
    }

    @Test
    void sliceHeadTailAndBeyondTheEnd() {
        assertThat(rows(new Slice(PEOPLE, 1, 2))).extracting(r -> r.getFirst()).containsExactly("bob", "cid");
        assertThat(rows(new Slice(PEOPLE, -2, 5))).extracting(r -> r.getFirst()).containsExactly("fay", null);
        assertThat(rows(new Slice(PEOPLE, 10, 5))).isEmpty();
        assertThat(rows(new Slice(PEOPLE, 5, Long.MAX_VALUE))).extracting(r -> r.getFirst()).containsExactly("fay", null);
        assertThat(rows(new Slice(PEOPLE, -1, Long.MAX_VALUE))).extracting(r -> r.getFirst()).containsExactly((Object) null);
        assertThat(rows(new Slice(PEOPLE, -10, 2))).extracting(r -> r.getFirst()).containsExactly("ann", "bob");
    }
}
