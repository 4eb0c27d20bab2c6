package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.floe.core.types.DataType;
import dev.floe.io.ColumnBounds;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SelectivityTest {
    private static final LogicalExpr DATE = new LogicalExpr.Column("d", DataType.INT64);
    private static final LogicalExpr OTHER = new LogicalExpr.Column("e", DataType.INT64);

    private static LogicalExpr compare(BinaryOperator operator, LogicalExpr left, LogicalExpr right) {
        return new LogicalExpr.Binary(operator, left, right, DataType.BOOLEAN);
    }

    private static LogicalExpr value(long value) {
        return new LogicalExpr.Literal(value, DataType.INT64);
    }

    private static LogicalExpr and(LogicalExpr left, LogicalExpr right) {
        return compare(BinaryOperator.AND, left, right);
    }

    @Test
    void aWindowOnOneColumnIsOneGuessNotTwo() {
        LogicalExpr window = and(compare(BinaryOperator.GREATER_EQUAL, DATE, value(10)),
                compare(BinaryOperator.LESS, DATE, value(20)));
        assertThat(Selectivity.of(window)).isCloseTo(Selectivity.WINDOW, within(1e-9));
        // written the other way round (value on the left) it is the same window
        LogicalExpr mirrored = and(compare(BinaryOperator.LESS_EQUAL, value(10), DATE),
                compare(BinaryOperator.GREATER, value(20), DATE));
        assertThat(Selectivity.of(mirrored)).isCloseTo(Selectivity.WINDOW, within(1e-9));
    }

    @Test
    void boundsOnDifferentColumnsMultiply() {
        LogicalExpr two = and(compare(BinaryOperator.GREATER_EQUAL, DATE, value(10)),
                compare(BinaryOperator.LESS, OTHER, value(20)));
        assertThat(Selectivity.of(two)).isCloseTo(Selectivity.RANGE * Selectivity.RANGE, within(1e-9));
    }

    @Test
    void equalityWithAValueIsSelectiveButBetweenColumnsIsNot() {
        assertThat(Selectivity.of(compare(BinaryOperator.EQUAL, DATE, value(1)))).isEqualTo(Selectivity.EQUAL);
        assertThat(Selectivity.of(compare(BinaryOperator.LESS, DATE, OTHER))).isEqualTo(Selectivity.UNKNOWN);
        assertThat(Selectivity.of(null)).isEqualTo(1);
    }

    @Test
    void rangesOnAColumnWithKnownBoundsKeepTheirShareOfTheSpan() {
        var bounds = (Function<String, Optional<ColumnBounds>>) column ->
                column.equals("d") ? Optional.of(new ColumnBounds(0, 100)) : Optional.empty();
        LogicalExpr window = and(compare(BinaryOperator.GREATER_EQUAL, DATE, value(10)),
                compare(BinaryOperator.LESS, DATE, value(20)));
        assertThat(Selectivity.of(window, bounds)).isCloseTo(0.1, within(1e-9));
        // a one-sided range, written with the value on the left
        assertThat(Selectivity.of(compare(BinaryOperator.GREATER, value(75), DATE), bounds))
                .isCloseTo(0.75, within(1e-9));
        // beyond the span: the least share, not zero; over all of it: everything
        assertThat(Selectivity.of(compare(BinaryOperator.GREATER, DATE, value(500)), bounds))
                .isPositive().isLessThan(1e-3);
        assertThat(Selectivity.of(compare(BinaryOperator.GREATER_EQUAL, DATE, value(-5)), bounds)).isEqualTo(1);
        // a column without bounds keeps the guess, and multiplies with the measured share
        LogicalExpr mixed = and(window, compare(BinaryOperator.LESS, OTHER, value(20)));
        assertThat(Selectivity.of(mixed, bounds)).isCloseTo(0.1 * Selectivity.RANGE, within(1e-9));
        // equality is still a guess
        assertThat(Selectivity.of(compare(BinaryOperator.EQUAL, DATE, value(1)), bounds)).isEqualTo(Selectivity.EQUAL);
    }

    @Test
    void dateValuesAreMeasuredInDaysSinceTheEpoch() {
        LogicalExpr day = new LogicalExpr.Column("day", DataType.DATE);
        long start = LocalDate.of(1992, 1, 1).toEpochDay();
        long end = LocalDate.of(1998, 12, 31).toEpochDay();
        var bounds = (Function<String, Optional<ColumnBounds>>) column ->
                Optional.of(new ColumnBounds(start, end));
        LogicalExpr quarter = and(
                compare(BinaryOperator.GREATER_EQUAL, day, new LogicalExpr.Literal(LocalDate.of(1993, 10, 1), DataType.DATE)),
                compare(BinaryOperator.LESS, day, new LogicalExpr.Literal(LocalDate.of(1994, 1, 1), DataType.DATE)));
        assertThat(Selectivity.of(quarter, bounds)).isCloseTo(92.0 / (end - start), within(1e-9));
        // a value of another kind (a string) leaves the guess
        LogicalExpr text = compare(BinaryOperator.LESS, day, new LogicalExpr.Literal("x", DataType.STRING));
        assertThat(Selectivity.of(text, bounds)).isEqualTo(Selectivity.RANGE);
    }
}
