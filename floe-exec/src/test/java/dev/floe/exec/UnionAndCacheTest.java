package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Union;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of concat and shared cached subplans. */
class UnionAndCacheTest {
    private static final InMemory PEOPLE = frame(
            column("name", DataType.STRING, "ann", "bob", "cid", "dan", "eve", "fay", null),
            column("age", DataType.INT64, 30L, 25L, null, 25L, 41L, 30L, 19L),
            column("city", DataType.STRING, "x", "y", "x", "y", "z", "x", "y"));

    private static LogicalExpr age() {
        return col("age", DataType.INT64);
    }

    @Test
    void unionKeepsInputOrder() {
        Union union = new Union(List.of(PEOPLE, new Slice(PEOPLE, 0, 2)));
        assertThat(rows(union)).extracting(r -> r.getFirst()).containsExactly(
                "ann", "bob", "cid", "dan", "eve", "fay", null, "ann", "bob");
    }

    @Test
    void cacheIsSharedBetweenNodesWithTheSameId() {
        Cache cache = new Cache(new Filter(PEOPLE, compare(BinaryOperator.EQUAL, col("city", DataType.STRING),
                lit("x", DataType.STRING))), 7);
        Union union = new Union(List.of(cache, new Cache(cache.input(), 7)));
        assertThat(rows(union)).extracting(r -> r.getFirst()).containsExactly("ann", "cid", "fay", "ann", "cid", "fay");
    }

    @Test
    void unionStreamsInputsWithTheirOwnOperators() {
        Filter young = new Filter(PEOPLE, compare(BinaryOperator.LESS, age(), lit(30L, DataType.INT64)));
        Filter old = new Filter(PEOPLE, compare(BinaryOperator.GREATER_EQUAL, age(), lit(30L, DataType.INT64)));
        assertThat(rows(new Union(List.of(old, young)))).extracting(r -> r.getFirst())
                .containsExactly("ann", "eve", "fay", "bob", "dan", null);
        assertThat(rows(new Slice(new Union(List.of(old, young)), 2, 2))).extracting(r -> r.getFirst())
                .containsExactly("fay", "bob");
    }
}
