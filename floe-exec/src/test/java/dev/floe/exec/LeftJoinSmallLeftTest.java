package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Left joins whose left input is much smaller than the right one, which the executor runs with the hash table
 * on the left rows (LeftBuildProbe + LeftOrderAssembly): the output must be what a left join gives, in left
 * order with each left row's matches in right order.
 */
class LeftJoinSmallLeftTest {
    private static final InMemory LEFT = frame(
            column("id", DataType.INT64, 2L, 1L, null, 2L),
            column("name", DataType.STRING, "two", "one", "none", "two again"));
    private static final InMemory RIGHT = frame(
            column("id", DataType.INT64, 2L, 4L, 2L, null, 5L, 6L, 7L, 2L, 8L, 9L, 10L, 11L),
            column("name", DataType.STRING, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"));

    private static Join leftJoin(InMemory left, InMemory right) {
        return new Join(left, right, JoinType.LEFT, List.of(col("id", DataType.INT64)),
                List.of(col("id", DataType.INT64)), "_right");
    }

    @Test
    void leftOrderWithMatchesInRightOrderAndUnmatchedRowsOnce() {
        assertThat(rows(leftJoin(LEFT, RIGHT))).containsExactly(
                row(2L, "two", "a"), row(2L, "two", "c"), row(2L, "two", "h"),
                row(1L, "one", null),
                row(null, "none", null),
                row(2L, "two again", "a"), row(2L, "two again", "c"), row(2L, "two again", "h"));
    }

    @Test
    void sameRowsAsTheRightBuildWhenTheLeftIsTheLargerSide() {
        // Twelve left rows against four right rows: this join builds on the right input as usual.
        InMemory bigLeft = frame(
                column("id", DataType.INT64, 2L, 4L, 2L, null, 5L, 6L, 7L, 2L, 8L, 9L, 10L, 11L),
                column("name", DataType.STRING, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"));
        InMemory smallRight = frame(
                column("id", DataType.INT64, 2L, 1L, null, 2L),
                column("value", DataType.STRING, "two", "one", "none", "two again"));
        List<List<Object>> usual = rows(leftJoin(bigLeft, smallRight));
        // The same join with the sides' sizes flipped (small left) must give the same pairs, each left row's
        // matches in right order.
        InMemory smallLeft = frame(
                column("id", DataType.INT64, 2L, 7L),
                column("name", DataType.STRING, "a", "g"));
        List<List<Object>> flipped = rows(leftJoin(smallLeft, bigLeftAsRight()));
        assertThat(flipped).containsExactly(
                row(2L, "a", "a"), row(2L, "a", "c"), row(2L, "a", "h"), row(7L, "g", "g"));
        List<List<Object>> expected = new ArrayList<>();
        expected.add(row(2L, "a", "two"));
        expected.add(row(2L, "a", "two again"));
        assertThat(usual.subList(0, 2)).isEqualTo(expected);
    }

    private static InMemory bigLeftAsRight() {
        return frame(
                column("id", DataType.INT64, 2L, 4L, 2L, null, 5L, 6L, 7L, 2L, 8L, 9L, 10L, 11L),
                column("value", DataType.STRING, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"));
    }

    @Test
    void emptyRightGivesEveryLeftRowWithNulls() {
        InMemory emptyRight = frame(column("id", DataType.INT64), column("name", DataType.STRING));
        InMemory oneLeft = frame(column("id", DataType.INT64, 3L), column("name", DataType.STRING, "x"));
        // An empty right side is not larger than the left: check the plain path and a two-row left against a
        // larger right side with no match at all.
        assertThat(rows(leftJoin(oneLeft, emptyRight))).containsExactly(row(3L, "x", null));
        assertThat(rows(leftJoin(oneLeft, RIGHT))).containsExactly(row(3L, "x", null));
    }

    @Test
    void nonColumnKeysKeepTheRightKeyColumn() {
        InMemory left = frame(column("k", DataType.INT64, 1L, 2L));
        InMemory right = frame(column("r", DataType.INT64, 1L, 1L, 3L, 4L, 5L, 6L, 7L, 8L));
        LogicalExpr rightKey = col("r", DataType.INT64);
        Join join = new Join(left, right, JoinType.LEFT, List.of(col("k", DataType.INT64)), List.of(rightKey),
                "_right");
        assertThat(join.schema().names()).containsExactly("k");
        assertThat(rows(join)).containsExactly(row(1L), row(1L), row(2L));
    }
}
