package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.expr.LogicalExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelationalOperatorsTest {
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
    void sortMultiKeyMixedDirectionsNullsPlacement() {
        Sort sort = new Sort(PEOPLE, List.of(new SortKey(age(), false, true),
                new SortKey(col("name", DataType.STRING), true, false)), true, -1);
        assertThat(rows(sort)).extracting(r -> r.getFirst())
                .containsExactly(null, "dan", "bob", "fay", "ann", "eve", "cid");
        Sort nullsFirst = new Sort(PEOPLE, List.of(new SortKey(age(), true, false)), true, 3);
        assertThat(rows(nullsFirst)).extracting(r -> r.getFirst()).containsExactly("cid", "eve", "ann");
    }

    @Test
    void sortIsStable() {
        Sort sort = new Sort(PEOPLE, List.of(new SortKey(col("city", DataType.STRING), false, false)), true, -1);
        assertThat(rows(sort)).extracting(r -> r.getFirst()).containsExactly("ann", "cid", "fay", "bob", "dan", null, "eve");
    }

    @Test
    void sliceHeadTailAndBeyondTheEnd() {
        assertThat(rows(new Slice(PEOPLE, 1, 2))).extracting(r -> r.getFirst()).containsExactly("bob", "cid");
        assertThat(rows(new Slice(PEOPLE, -2, 5))).extracting(r -> r.getFirst()).containsExactly("fay", null);
        assertThat(rows(new Slice(PEOPLE, 10, 5))).isEmpty();
        assertThat(rows(new Slice(PEOPLE, -10, 2))).extracting(r -> r.getFirst()).containsExactly("ann", "bob");
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
    void unionKeepsInputOrder() {
        Union union = new Union(List.of(PEOPLE, new Slice(PEOPLE, 0, 2)));
        assertThat(rows(union)).extracting(r -> r.getFirst()).containsExactly(
                "ann", "bob", "cid", "dan", "eve", "fay", null, "ann", "bob");
    }

    @Test
    void rowIndexNumbersFromTheOffset() {
        RowIndex index = new RowIndex(new Filter(PEOPLE, compare(BinaryOperator.LESS, age(), lit(30L, DataType.INT64))),
                "nr", 10);
        assertThat(index.schema().names()).containsExactly("nr", "name", "age", "city");
        assertThat(rows(index)).extracting(r -> r.getFirst()).containsExactly(10L, 11L, 12L);
    }

    @Test
    void cacheIsSharedBetweenNodesWithTheSameId() {
        Cache cache = new Cache(new Filter(PEOPLE, compare(BinaryOperator.EQUAL, col("city", DataType.STRING),
                lit("x", DataType.STRING))), 7);
        Union union = new Union(List.of(cache, new Cache(cache.input(), 7)));
        assertThat(rows(union)).extracting(r -> r.getFirst()).containsExactly("ann", "cid", "fay", "ann", "cid", "fay");
    }

    @Test
    void windowBroadcastsTheGroupAggregate() {
        LogicalExpr cityMean = new LogicalExpr.Window(aggregate(new AggregateFunction.Mean(), age(), DataType.FLOAT64),
                List.of(col("city", DataType.STRING)), DataType.FLOAT64);
        LogicalExpr share = binary(BinaryOperator.TRUE_DIVIDE, age(), new LogicalExpr.Window(
                aggregate(new AggregateFunction.Sum(), age(), DataType.INT64), List.of(col("city", DataType.STRING)),
                DataType.INT64), DataType.FLOAT64);
        Project project = new Project(PEOPLE, List.of(NamedExpr.column("name", DataType.STRING),
                named("mean", cityMean), named("share", share)));
        List<List<Object>> rows = rows(project);
        assertThat(rows.get(0)).containsExactly("ann", 30.0, 0.5);
        assertThat(rows.get(1)).containsExactly("bob", 23.0, 25.0 / 69);
        assertThat(rows.get(2)).containsExactly("cid", 30.0, null);
        assertThat(rows.get(4)).containsExactly("eve", 41.0, 1.0);
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
