package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Semi and anti joins whose left input is much smaller than the right one, which the executor runs with the
 * hash table on the left rows (MatchMarkingProbe): the output must be the left rows with (semi) or without
 * (anti) a matching right row, in left order, each once, and a null key never matches.
 */
class SemiJoinSmallLeftTest {
    private static final InMemory LEFT = frame(
            column("id", DataType.INT64, 2L, 1L, null, 2L, 7L),
            column("name", DataType.STRING, "two", "one", "none", "two again", "seven"));
    private static final InMemory RIGHT = frame(
            column("id", DataType.INT64, 2L, 4L, 2L, null, 5L, 6L, 7L, 2L, 8L, 9L, 10L, 11L),
            column("value", DataType.STRING, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"));

    private static Join join(InMemory left, InMemory right, JoinType type) {
        return new Join(left, right, type, List.of(col("id", DataType.INT64)), List.of(col("id", DataType.INT64)),
                "_right");
    }

    @Test
    void semiKeepsMatchedLeftRowsOnceInLeftOrder() {
        assertThat(rows(join(LEFT, RIGHT, JoinType.SEMI))).containsExactly(
                row(2L, "two"), row(2L, "two again"), row(7L, "seven"));
    }

    @Test
    void antiKeepsUnmatchedLeftRowsIncludingNullKeys() {
        assertThat(rows(join(LEFT, RIGHT, JoinType.ANTI))).containsExactly(row(1L, "one"), row(null, "none"));
    }

    @Test
    void sameRowsAsTheRightBuildWhenTheLeftIsTheLargerSide() {
        // Twelve left rows against five right rows: this join builds on the right input as usual.
        InMemory bigLeft = frame(
                column("id", DataType.INT64, 2L, 4L, 2L, null, 5L, 6L, 7L, 2L, 8L, 9L, 10L, 11L),
                column("name", DataType.STRING, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"));
        InMemory smallRight = frame(
                column("id", DataType.INT64, 2L, 1L, null, 2L, 7L),
                column("value", DataType.STRING, "two", "one", "none", "two again", "seven"));
        assertThat(rows(join(bigLeft, smallRight, JoinType.SEMI))).containsExactly(
                row(2L, "a"), row(2L, "c"), row(7L, "g"), row(2L, "h"));
        assertThat(rows(join(LEFT, bigLeft, JoinType.SEMI))).containsExactly(
                row(2L, "two"), row(2L, "two again"), row(7L, "seven"));
    }

    @Test
    void emptyMatchGivesNoRowsForSemiAndEveryRowForAnti() {
        InMemory left = frame(column("id", DataType.INT64, 3L, 12L), column("name", DataType.STRING, "x", "y"));
        assertThat(rows(join(left, RIGHT, JoinType.SEMI))).isEmpty();
        assertThat(rows(join(left, RIGHT, JoinType.ANTI))).containsExactly(row(3L, "x"), row(12L, "y"));
    }
}
