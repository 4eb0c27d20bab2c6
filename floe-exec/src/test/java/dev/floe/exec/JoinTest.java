package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinTest {
    private static final InMemory LEFT = frame(
            column("id", DataType.INT64, 1L, 2L, 3L, null, 2L),
            column("name", DataType.STRING, "one", "two", "three", "none", "two again"));
    private static final InMemory RIGHT = frame(
            column("id", DataType.INT64, 2L, 4L, 2L, null),
            column("name", DataType.STRING, "deux", "quatre", "zwei", "nul"));

    private static Join join(JoinType type) {
        List<LogicalExpr> leftKeys = type == JoinType.CROSS ? List.of() : List.of(col("id", DataType.INT64));
        List<LogicalExpr> rightKeys = type == JoinType.CROSS ? List.of() : List.of(col("id", DataType.INT64));
        return new Join(LEFT, RIGHT, type, leftKeys, rightKeys, "_right");
    }

    @Test
    void innerKeepsLeftOrderAndBuildOrderWithinAKey() {
        assertThat(join(JoinType.INNER).schema().names()).containsExactly("id", "name", "name_right");
        assertThat(rows(join(JoinType.INNER))).containsExactly(
                row(2L, "two", "deux"), row(2L, "two", "zwei"),
                row(2L, "two again", "deux"), row(2L, "two again", "zwei"));
    }

    @Test
    void leftKeepsUnmatchedAndNullKeysNeverMatch() {
        assertThat(rows(join(JoinType.LEFT))).containsExactly(
                row(1L, "one", null), row(2L, "two", "deux"), row(2L, "two", "zwei"), row(3L, "three", null),
                row(null, "none", null), row(2L, "two again", "deux"), row(2L, "two again", "zwei"));
    }

    @Test
    void rightFollowsTheRightOrder() {
        assertThat(join(JoinType.RIGHT).schema().names()).containsExactly("name", "id", "name_right");
        assertThat(rows(join(JoinType.RIGHT))).containsExactly(
                row("two", 2L, "deux"), row("two again", 2L, "deux"), row(null, 4L, "quatre"),
                row("two", 2L, "zwei"), row("two again", 2L, "zwei"), row(null, null, "nul"));
    }

    @Test
    void fullAppendsUnmatchedRightRows() {
        assertThat(join(JoinType.FULL).schema().names()).containsExactly("id", "name", "id_right", "name_right");
        assertThat(rows(join(JoinType.FULL))).containsExactly(
                row(1L, "one", null, null), row(2L, "two", 2L, "deux"), row(2L, "two", 2L, "zwei"),
                row(3L, "three", null, null), row(null, "none", null, null),
                row(2L, "two again", 2L, "deux"), row(2L, "two again", 2L, "zwei"),
                row(null, null, 4L, "quatre"), row(null, null, null, "nul"));
    }

    @Test
    void semiAndAnti() {
        assertThat(rows(join(JoinType.SEMI))).containsExactly(row(2L, "two"), row(2L, "two again"));
        assertThat(rows(join(JoinType.ANTI))).containsExactly(row(1L, "one"), row(3L, "three"), row(null, "none"));
    }

    @Test
    void crossPairsEveryRow() {
        List<List<Object>> rows = rows(join(JoinType.CROSS));
        assertThat(rows).hasSize(20);
        assertThat(rows.get(1)).containsExactly(1L, "one", 4L, "quatre");
        assertThat(join(JoinType.CROSS).schema().names()).containsExactly("id", "name", "id_right", "name_right");
    }

    @Test
    void multiKeyJoinOnStringsAndInts() {
        InMemory left = frame(column("a", DataType.STRING, "x", "y", "x"), column("b", DataType.INT32, 1, 1, 2));
        InMemory right = frame(column("c", DataType.STRING, "x", "x"), column("d", DataType.INT32, 2, 1),
                column("v", DataType.FLOAT64, 0.5, 1.5));
        Join join = new Join(left, right, JoinType.INNER,
                List.of(col("a", DataType.STRING), col("b", DataType.INT32)),
                List.of(col("c", DataType.STRING), col("d", DataType.INT32)), "_r");
        assertThat(join.schema().names()).containsExactly("a", "b", "v");
        assertThat(rows(join)).containsExactly(row("x", 1, 1.5), row("x", 2, 0.5));
    }

    @Test
    void uniqueBuildKeysTakeTheDirectPath() {
        InMemory dimension = frame(column("id", DataType.INT64, 3L, null, 1L),
                column("label", DataType.STRING, "c", "n", "a"));
        Join inner = new Join(LEFT, dimension, JoinType.INNER, List.of(col("id", DataType.INT64)),
                List.of(col("id", DataType.INT64)), "_r");
        assertThat(rows(inner)).containsExactly(row(1L, "one", "a"), row(3L, "three", "c"));
        Join left = new Join(LEFT, dimension, JoinType.LEFT, List.of(col("id", DataType.INT64)),
                List.of(col("id", DataType.INT64)), "_r");
        assertThat(rows(left)).extracting(r -> r.get(2)).containsExactly("a", null, "c", null, null);
    }

    @Test
    void twoIntegerKeysNeverMatchOnNulls() {
        InMemory left = frame(column("a", DataType.INT64, 1L, 1L, null), column("b", DataType.INT32, 2, 3, 2));
        InMemory right = frame(column("a", DataType.INT64, 1L, null, 1L), column("b", DataType.INT32, 3, 2, 3),
                column("v", DataType.STRING, "x", "y", "z"));
        Join join = new Join(left, right, JoinType.LEFT,
                List.of(col("a", DataType.INT64), col("b", DataType.INT32)),
                List.of(col("a", DataType.INT64), col("b", DataType.INT32)), "_r");
        assertThat(rows(join)).containsExactly(row(1L, 2, null), row(1L, 3, "x"), row(1L, 3, "z"), row(null, 2, null));
    }

    @Test
    void stringKeysIncludingEmptyAndNull() {
        InMemory left = frame(column("s", DataType.STRING, "", null, "b", "a"));
        InMemory right = frame(column("t", DataType.STRING, null, "a", "", "a"), column("v", DataType.INT64, 1L, 2L, 3L, 4L));
        Join join = new Join(left, right, JoinType.INNER, List.of(col("s", DataType.STRING)),
                List.of(col("t", DataType.STRING)), "_r");
        assertThat(rows(join)).containsExactly(row("", 3L), row("a", 2L), row("a", 4L));
    }
}
