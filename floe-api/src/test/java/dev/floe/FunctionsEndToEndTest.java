package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.floe.core.types.DataType;
import dev.floe.exec.ExecutionOptions;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.QuantileMethod;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsEndToEndTest {
    private static final ExecutionOptions OPTIONS = new ExecutionOptions(2, 3);

    private static List<Object> single(LazyFrame frame, Expr expr) {
        return frame.select(expr.alias("out")).collect(OPTIONS).column("out").toList();
    }

    private static LazyFrame numbers() {
        return DataFrame.builder().column("x", DataType.INT64, Arrays.asList(4L, -9L, null, 16L))
                .column("f", Arrays.asList(2.345, -1.5, 0.5, null)).build().lazy();
    }

    private static LazyFrame strings() {
        return DataFrame.builder().column("s", Arrays.asList("Apple pie", "banana", null, "cherry")).build().lazy();
    }

    private static LazyFrame dates() {
        return DataFrame.builder().column("d", Arrays.asList(LocalDate.of(2024, 2, 29), LocalDate.of(2023, 12, 31),
                null)).build().lazy();
    }

    @Test
    void numericFunctions() {
        assertThat(single(numbers(), col("x").abs())).containsExactly(4L, 9L, null, 16L);
        assertThat(single(numbers(), col("x").neg())).containsExactly(-4L, 9L, null, -16L);
        assertThat(single(numbers(), col("f").round(1))).containsExactly(2.3, -1.5, 0.5, null);
        assertThat(single(numbers(), col("x").abs().sqrt())).containsExactly(2.0, 3.0, null, 4.0);
        assertThat(single(numbers(), col("x").pow(2))).containsExactly(16L, 81L, null, 256L);
        assertThat(single(numbers(), col("x").mod(5))).containsExactly(4L, 1L, null, 1L);
        assertThat(single(numbers(), col("x").floorDiv(5))).containsExactly(0L, -2L, null, 3L);
        assertThat(single(numbers(), col("x").cast(DataType.FLOAT64))).containsExactly(4.0, -9.0, null, 16.0);
    }

    @Test
    void membershipAndRanges() {
        assertThat(single(numbers(), col("x").isIn(4, 16))).containsExactly(true, false, null, true);
        assertThat(single(numbers(), col("x").isBetween(-9, 4))).containsExactly(true, true, null, false);
        assertThat(single(numbers(), col("x").isBetween(-9, 4, ClosedInterval.NONE)))
                .containsExactly(false, false, null, false);
        assertThat(single(numbers(), col("x").isNull())).containsExactly(false, false, true, false);
        assertThat(single(numbers(), col("x").isNotNull())).containsExactly(true, true, false, true);
    }

    @Test
    void stringFunctions() {
        assertThat(single(strings(), col("s").str().contains("an+a"))).containsExactly(false, true, null, false);
        assertThat(single(strings(), col("s").str().contains(" ", true))).containsExactly(true, false, null, false);
        assertThat(single(strings(), col("s").str().endsWith("y"))).containsExactly(false, false, null, true);
        assertThat(single(strings(), col("s").str().slice(1, 3))).containsExactly("ppl", "ana", null, "her");
        assertThat(single(strings(), col("s").str().lenChars())).containsExactly(9L, 6L, null, 6L);
        assertThat(single(strings(), col("s").str().toUppercase())).containsExactly("APPLE PIE", "BANANA", null,
                "CHERRY");
        assertThat(single(strings(), col("s").str().toLowercase().str().replace("a", "_")))
                .containsExactly("_pple pie", "b_nana", null, "cherry");
        assertThat(single(strings(), col("s").str().replaceAll("a", "_"))).containsExactly("Apple pie", "b_n_n_",
                null, "cherry");
    }

    @Test
    void temporalFunctions() {
        assertThat(single(dates(), col("d").dt().year())).containsExactly(2024, 2023, null);
        assertThat(single(dates(), col("d").dt().month())).containsExactly(2, 12, null);
        assertThat(single(dates(), col("d").dt().day())).containsExactly(29, 31, null);
        assertThat(single(dates(), col("d").dt().weekday())).containsExactly(4, 7, null);
        assertThat(single(dates(), col("d").dt().quarter())).containsExactly(1, 4, null);
        assertThat(single(dates(), col("d").dt().ordinalDay())).containsExactly(60, 365, null);
        assertThat(single(dates(), col("d").ge("2024-01-01"))).containsExactly(true, false, null);
    }

    @Test
    void statisticalAggregations() {
        LazyFrame values = DataFrame.builder().column("v", Arrays.asList(1.0, 2.0, 3.0, 4.0, null)).build().lazy();
        List<Object> row = values.select(col("v").median().alias("median"), col("v").std().alias("std"),
                col("v").var(0).alias("var"), col("v").quantile(0.5, QuantileMethod.LINEAR).alias("q"),
                col("v").first().alias("first"), col("v").last().alias("last")).collect(OPTIONS).row(0);
        assertThat((Double) row.get(0)).isCloseTo(2.5, within(1e-12));
        assertThat((Double) row.get(1)).isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-12));
        assertThat((Double) row.get(2)).isCloseTo(1.25, within(1e-12));
        assertThat((Double) row.get(3)).isCloseTo(2.5, within(1e-12));
        assertThat(row.get(4)).isEqualTo(1.0);
        assertThat(row.get(5)).isNull();
    }
}
