package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Project;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogicAndComparisonTest {
    private static List<Object> eval(InMemory frame, LogicalExpr expr) {
        return values(new Project(frame, List.of(named("x", expr))));
    }

    @Test
    void kleeneAndOrXor() {
        InMemory frame = frame(
                column("p", DataType.BOOLEAN, true, true, true, false, false, false, null, null, null),
                column("q", DataType.BOOLEAN, true, false, null, true, false, null, true, false, null));
        LogicalExpr p = col("p", DataType.BOOLEAN);
        LogicalExpr q = col("q", DataType.BOOLEAN);
        assertThat(eval(frame, binary(BinaryOperator.AND, p, q, DataType.BOOLEAN)))
                .isEqualTo(Arrays.asList(true, false, null, false, false, false, null, false, null));
        assertThat(eval(frame, binary(BinaryOperator.OR, p, q, DataType.BOOLEAN)))
                .isEqualTo(Arrays.asList(true, true, true, true, false, null, true, null, null));
        assertThat(eval(frame, binary(BinaryOperator.XOR, p, q, DataType.BOOLEAN)))
                .isEqualTo(Arrays.asList(false, true, null, true, false, null, null, null, null));
    }

    @Test
    void numericComparisonsWithScalarsAndVectors() {
        InMemory frame = frame(column("a", DataType.INT64, 1L, 5L, null),
                column("b", DataType.INT64, 2L, 5L, 1L));
        LogicalExpr a = col("a", DataType.INT64);
        assertThat(eval(frame, compare(BinaryOperator.LESS, a, col("b", DataType.INT64))))
                .isEqualTo(Arrays.asList(true, false, null));
        assertThat(eval(frame, compare(BinaryOperator.GREATER_EQUAL, a, lit(5L, DataType.INT64))))
                .isEqualTo(Arrays.asList(false, true, null));
        assertThat(eval(frame, compare(BinaryOperator.GREATER, lit(3L, DataType.INT64), a)))
                .isEqualTo(Arrays.asList(true, false, null));
        assertThat(eval(frame, compare(BinaryOperator.EQUAL, a, lit(null, DataType.INT64))))
                .isEqualTo(Arrays.asList(null, null, null));
    }

    @Test
    void stringsCompareByteWiseAndDatesByDay() {
        InMemory frame = frame(column("s", DataType.STRING, "apple", "Zebra", "é", null),
                column("d", DataType.DATE, LocalDate.of(2024, 1, 1), LocalDate.of(2023, 12, 31), null,
                        LocalDate.of(2024, 1, 2)));
        assertThat(eval(frame, compare(BinaryOperator.LESS, col("s", DataType.STRING), lit("b", DataType.STRING))))
                .isEqualTo(Arrays.asList(true, true, false, null));
        assertThat(eval(frame, compare(BinaryOperator.NOT_EQUAL, col("d", DataType.DATE),
                lit(LocalDate.of(2024, 1, 1), DataType.DATE))))
                .isEqualTo(Arrays.asList(false, true, null, true));
    }

    @Test
    void floatComparisons() {
        InMemory frame = frame(column("f", DataType.FLOAT64, 1.5, -0.0, null));
        assertThat(eval(frame, compare(BinaryOperator.LESS_EQUAL, col("f", DataType.FLOAT64), lit(0.0, DataType.FLOAT64))))
                .isEqualTo(Arrays.asList(false, true, null));
    }

    @Test
    void datetimeAndDecimalLiteralsCompareInTheirOwnUnits() {
        DataType micros = DataType.datetime(dev.floe.core.types.TimeUnit.MICROSECONDS);
        DataType decimal = DataType.decimal(10, 2);
        InMemory frame = frame(
                column("t", micros, java.time.LocalDateTime.of(2024, 1, 1, 12, 0), java.time.LocalDateTime.of(2023, 1, 1, 0, 0)),
                column("m", decimal, new java.math.BigDecimal("1.50"), new java.math.BigDecimal("2.25")));
        assertThat(eval(frame, compare(BinaryOperator.GREATER, col("t", micros),
                lit(java.time.LocalDateTime.of(2023, 6, 1, 0, 0), micros)))).containsExactly(true, false);
        assertThat(eval(frame, compare(BinaryOperator.LESS, col("m", decimal),
                lit(new java.math.BigDecimal("2.00"), decimal)))).containsExactly(true, false);
    }
}
