package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Project;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsTest {
    private static final InMemory FRAME = frame(
            column("s", DataType.STRING, "Hello", "world", null, "héllo wörld", ""),
            column("n", DataType.INT64, -3L, 4L, null, 0L, 9L),
            column("f", DataType.FLOAT64, 2.5, -2.5, null, 0.125, 16.0),
            column("d", DataType.DATE, LocalDate.of(2024, 2, 29), LocalDate.of(1969, 12, 31), null,
                    LocalDate.of(2000, 1, 1), LocalDate.of(2023, 10, 1)));

    private static List<Object> eval(LogicalExpr expr) {
        return values(new Project(FRAME, List.of(named("x", expr))));
    }

    private static LogicalExpr s() {
        return col("s", DataType.STRING);
    }

    @Test
    void nullFunctions() {
        assertThat(eval(function(new ScalarFunction.IsNull(), DataType.BOOLEAN, s())))
                .containsExactly(false, false, true, false, false);
        assertThat(eval(function(new ScalarFunction.IsNotNull(), DataType.BOOLEAN, s())))
                .containsExactly(true, true, false, true, true);
        assertThat(eval(function(new ScalarFunction.FillNull(), DataType.INT64, col("n", DataType.INT64),
                lit(100L, DataType.INT64)))).containsExactly(-3L, 4L, 100L, 0L, 9L);
        assertThat(eval(function(new ScalarFunction.Negate(), DataType.INT64, col("n", DataType.INT64))))
                .isEqualTo(Arrays.asList(3L, -4L, null, 0L, -9L));
    }

    @Test
    void membership() {
        assertThat(eval(function(new ScalarFunction.IsIn(Arrays.asList(4L, 9L, null)), DataType.BOOLEAN,
                col("n", DataType.INT64)))).isEqualTo(Arrays.asList(false, true, null, false, true));
        assertThat(eval(function(new ScalarFunction.IsIn(List.of("world", "")), DataType.BOOLEAN, s())))
                .isEqualTo(Arrays.asList(false, true, null, false, true));
        assertThat(eval(function(new ScalarFunction.IsBetween(ClosedInterval.LEFT), DataType.BOOLEAN,
                col("n", DataType.INT64), lit(0L, DataType.INT64), lit(9L, DataType.INT64))))
                .isEqualTo(Arrays.asList(false, true, null, true, false));
    }

    @Test
    void membershipIgnoresConstantsOutsideTheColumnsRange() {
        InMemory small = frame(column("i", DataType.INT8, 1, 100, null));
        assertThat(values(new Project(small, List.of(named("x", function(new ScalarFunction.IsIn(List.of(100L, 1000L)),
                DataType.BOOLEAN, col("i", DataType.INT8))))))).isEqualTo(Arrays.asList(false, true, null));
    }

    @Test
    void numericFunctions() {
        assertThat(eval(function(new ScalarFunction.Abs(), DataType.INT64, col("n", DataType.INT64))))
                .isEqualTo(Arrays.asList(3L, 4L, null, 0L, 9L));
        assertThat(eval(function(new ScalarFunction.Sqrt(), DataType.FLOAT64, col("f", DataType.FLOAT64))).get(4))
                .isEqualTo(4.0);
        assertThat(eval(function(new ScalarFunction.Round(0), DataType.FLOAT64, col("f", DataType.FLOAT64))))
                .isEqualTo(Arrays.asList(3.0, -3.0, null, 0.0, 16.0));
        assertThat(eval(function(new ScalarFunction.Round(2), DataType.FLOAT64, col("f", DataType.FLOAT64))).get(3))
                .isEqualTo(0.13);
    }

    @Test
    void stringSearches() {
        assertThat(eval(function(new ScalarFunction.StrContains("l+o", false), DataType.BOOLEAN, s())))
                .isEqualTo(Arrays.asList(true, false, null, true, false));
        assertThat(eval(function(new ScalarFunction.StrContains("l+o", true), DataType.BOOLEAN, s())))
                .isEqualTo(Arrays.asList(false, false, null, false, false));
        assertThat(eval(function(new ScalarFunction.StrStartsWith("hé"), DataType.BOOLEAN, s())))
                .isEqualTo(Arrays.asList(false, false, null, true, false));
        assertThat(eval(function(new ScalarFunction.StrEndsWith("ld"), DataType.BOOLEAN, s())))
                .isEqualTo(Arrays.asList(false, true, null, true, false));
    }

    @Test
    void stringTransformations() {
        assertThat(eval(function(new ScalarFunction.StrLenChars(), DataType.UINT32, s())))
                .isEqualTo(Arrays.asList(5L, 5L, null, 11L, 0L));
        assertThat(eval(function(new ScalarFunction.StrToUppercase(), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("HELLO", "WORLD", null, "HÉLLO WÖRLD", ""));
        assertThat(eval(function(new ScalarFunction.StrToLowercase(), DataType.STRING, s())).getFirst())
                .isEqualTo("hello");
        assertThat(eval(function(new ScalarFunction.StrSlice(1, 3L), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("ell", "orl", null, "éll", ""));
        assertThat(eval(function(new ScalarFunction.StrSlice(-3, null), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("llo", "rld", null, "rld", ""));
        assertThat(eval(function(new ScalarFunction.StrReplace("l", "L", true, false), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("HeLlo", "worLd", null, "héLlo wörld", ""));
        assertThat(eval(function(new ScalarFunction.StrReplace("l+", "_", false, true), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("He_o", "wor_d", null, "hé_o wör_d", ""));
    }

    @Test
    void sliceOnBytesMatchesCodePointSlicingForEveryOffsetAndLength() {
        String[] strings = {"", "a", "héllo wörld", "日本語テキスト", "😀x😀", null, "ab"};
        InMemory frame = frame(column("s", DataType.STRING, (Object[]) strings));
        Long[] lengths = {null, 0L, 1L, 2L, 3L, 7L, 100L};
        for (long offset = -12; offset <= 12; offset++) {
            for (Long length : lengths) {
                List<Object> expected = new java.util.ArrayList<>();
                for (String string : strings) {
                    expected.add(string == null ? null : sliceOfString(string, offset, length));
                }
                assertThat(values(new Project(frame, List.of(named("x", function(
                        new ScalarFunction.StrSlice(offset, length), DataType.STRING, s()))))))
                        .as("offset %d length %s", offset, length).isEqualTo(expected);
            }
        }
    }

    @Test
    void sliceEdgeCases() {
        assertThat(eval(function(new ScalarFunction.StrSlice(0, 2L), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("He", "wo", null, "hé", ""));
        assertThat(eval(function(new ScalarFunction.StrSlice(9, null), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("", "", null, "ld", ""));
        assertThat(eval(function(new ScalarFunction.StrSlice(-7, 3L), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("H", "w", null, "o w", ""));
        assertThat(eval(function(new ScalarFunction.StrSlice(2, Long.MAX_VALUE), DataType.STRING, s())))
                .isEqualTo(Arrays.asList("llo", "rld", null, "llo wörld", ""));
    }

    /** The reference: the slice on a decoded string, by code points. */
    private static String sliceOfString(String s, long offset, Long length) {
        int chars = s.codePointCount(0, s.length());
        long start = offset >= 0 ? Math.min(offset, chars) : Math.max(0, chars + offset);
        long end = length == null ? chars : Math.min(chars, start + length);
        if (offset < 0 && length != null && chars + offset < 0) {
            end = Math.max(0, Math.min(chars, chars + offset + length));
        }
        int from = s.offsetByCodePoints(0, (int) start);
        int to = s.offsetByCodePoints(0, (int) Math.max(start, end));
        return s.substring(from, to);
    }

    @Test
    void badRegexIsAComputeError() {
        assertThatThrownBy(() -> eval(function(new ScalarFunction.StrContains("(", false), DataType.BOOLEAN, s())))
                .isInstanceOf(FloeException.class)
                .satisfies(e -> assertThat(((FloeException) e).code()).isEqualTo(ErrorCode.COMPUTE_ERROR));
    }

    @Test
    void dateParts() {
        LogicalExpr d = col("d", DataType.DATE);
        assertThat(eval(function(new ScalarFunction.Year(), DataType.INT32, d)))
                .isEqualTo(Arrays.asList(2024, 1969, null, 2000, 2023));
        assertThat(eval(function(new ScalarFunction.Month(), DataType.INT8, d)))
                .isEqualTo(Arrays.asList(2, 12, null, 1, 10));
        assertThat(eval(function(new ScalarFunction.Day(), DataType.INT8, d)))
                .isEqualTo(Arrays.asList(29, 31, null, 1, 1));
        assertThat(eval(function(new ScalarFunction.Weekday(), DataType.INT8, d)))
                .isEqualTo(Arrays.asList(4, 3, null, 6, 7));
        assertThat(eval(function(new ScalarFunction.Quarter(), DataType.INT8, d)))
                .isEqualTo(Arrays.asList(1, 4, null, 1, 4));
        assertThat(eval(function(new ScalarFunction.OrdinalDay(), DataType.INT16, d)))
                .isEqualTo(Arrays.asList(60, 365, null, 1, 274));
    }

    @Test
    void datePartsOfDatetimes() {
        InMemory frame = frame(column("t", DataType.datetime(dev.floe.core.types.TimeUnit.MICROSECONDS),
                java.time.LocalDateTime.of(2021, 3, 4, 23, 59), java.time.LocalDateTime.of(1960, 1, 1, 0, 0, 1)));
        LogicalExpr t = col("t", DataType.datetime(dev.floe.core.types.TimeUnit.MICROSECONDS));
        assertThat(values(new Project(frame, List.of(named("y", function(new ScalarFunction.Day(), DataType.INT8, t))))))
                .containsExactly(4, 1);
    }
}
