package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
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
}
