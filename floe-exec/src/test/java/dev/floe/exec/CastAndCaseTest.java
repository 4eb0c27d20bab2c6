package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Project;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CastAndCaseTest {
    private static List<Object> eval(InMemory frame, LogicalExpr expr) {
        return values(new Project(frame, List.of(named("x", expr))));
    }

    private static LogicalExpr cast(LogicalExpr input, DataType type, boolean strict) {
        return new LogicalExpr.Cast(input, type, strict);
    }

    @Test
    void numericCasts() {
        InMemory frame = frame(column("a", DataType.INT64, 1L, 300L, null, -1L));
        LogicalExpr a = col("a", DataType.INT64);
        assertThat(eval(frame, cast(a, DataType.FLOAT64, true))).isEqualTo(Arrays.asList(1.0, 300.0, null, -1.0));
        assertThat(eval(frame, cast(a, DataType.UINT8, false))).isEqualTo(Arrays.asList(1, null, null, null));
        assertThat(eval(frame, cast(a, DataType.INT16, true))).isEqualTo(Arrays.asList(1, 300, null, -1));
        assertThat(eval(frame, cast(a, DataType.BOOLEAN, true))).isEqualTo(Arrays.asList(true, true, null, true));
        assertThat(eval(frame, cast(a, DataType.STRING, true))).isEqualTo(Arrays.asList("1", "300", null, "-1"));
    }

    @Test
    void strictCastFailureNamesTheValueAndTargetEvenFromWorkerThreads() {
        InMemory frame = frame(column("a", DataType.INT64, 1L, 2L, 3L, 4L, 300L, 5L, 6L));
        Project project = new Project(frame, List.of(named("x", cast(col("a", DataType.INT64), DataType.UINT8, true))));
        for (ExecutionOptions options : List.of(new ExecutionOptions(1, 100), new ExecutionOptions(3, 1))) {
            assertThatThrownBy(() -> new LocalExecutor(options).execute(project))
                    .isInstanceOf(FloeException.class)
                    .hasMessageContaining("300").hasMessageContaining("UInt8")
                    .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.COMPUTE_ERROR));
        }
    }

    @Test
    void floatToIntTruncatesAndNanIsNull() {
        InMemory frame = frame(column("f", DataType.FLOAT64, 2.9, -2.9, Double.NaN));
        assertThat(eval(frame, cast(col("f", DataType.FLOAT64), DataType.INT32, false)))
                .isEqualTo(Arrays.asList(2, -2, null));
    }

    @Test
    void stringParsing() {
        InMemory frame = frame(column("s", DataType.STRING, "12", " 7 ", "x", null, "2024-05-06"));
        LogicalExpr s = col("s", DataType.STRING);
        assertThat(eval(frame, cast(s, DataType.INT64, false))).isEqualTo(Arrays.asList(12L, 7L, null, null, null));
        assertThat(eval(frame, cast(s, DataType.DATE, false)).get(4)).isEqualTo(LocalDate.of(2024, 5, 6));
        assertThatThrownBy(() -> eval(frame, cast(s, DataType.FLOAT64, true))).isInstanceOf(FloeException.class)
                .hasMessageContaining("'x'").hasMessageContaining("Float64");
    }

    @Test
    void dateDatetimeRoundTrip() {
        DataType datetime = DataType.datetime(TimeUnit.MILLISECONDS);
        InMemory frame = frame(column("d", DataType.DATE, LocalDate.of(2020, 1, 2), null));
        assertThat(eval(frame, cast(col("d", DataType.DATE), datetime, true)))
                .isEqualTo(Arrays.asList(LocalDateTime.of(2020, 1, 2, 0, 0), null));
        assertThat(eval(frame, cast(cast(col("d", DataType.DATE), datetime, true), DataType.DATE, true)))
                .isEqualTo(Arrays.asList(LocalDate.of(2020, 1, 2), null));
    }

    @Test
    void caseTakesTheFirstTrueBranch() {
        InMemory frame = frame(column("a", DataType.INT64, 1L, 5L, 10L, null));
        LogicalExpr a = col("a", DataType.INT64);
        LogicalExpr expr = new LogicalExpr.Case(List.of(
                new LogicalExpr.WhenThen(compare(BinaryOperator.LESS, a, lit(3L, DataType.INT64)), lit("small", DataType.STRING)),
                new LogicalExpr.WhenThen(compare(BinaryOperator.LESS, a, lit(8L, DataType.INT64)), lit("medium", DataType.STRING))),
                lit("large", DataType.STRING), DataType.STRING);
        assertThat(eval(frame, expr)).containsExactly("small", "medium", "large", "large");
        LogicalExpr withNullOtherwise = new LogicalExpr.Case(List.of(
                new LogicalExpr.WhenThen(compare(BinaryOperator.GREATER, a, lit(3L, DataType.INT64)), a)),
                lit(null, DataType.INT64), DataType.INT64);
        assertThat(eval(frame, withNullOtherwise)).isEqualTo(Arrays.asList(null, 5L, 10L, null));
    }
}
