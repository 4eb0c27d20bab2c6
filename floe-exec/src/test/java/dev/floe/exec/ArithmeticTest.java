package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Project;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
    private static final InMemory INTS = frame(
            column("a", DataType.INT64, 7L, -7L, null, 10L, Long.MAX_VALUE),
            column("b", DataType.INT64, 2L, 2L, 3L, 0L, 1L));

    private static List<Object> eval(LogicalExpr expr) {
        return values(new Project(INTS, List.of(named("x", expr))));
    }

    private static LogicalExpr a() {
        return col("a", DataType.INT64);
    }

    private static LogicalExpr b() {
        return col("b", DataType.INT64);
    }

    @Test
    void integerOperatorsWithNullsAndWrapping() {
        assertThat(eval(binary(BinaryOperator.ADD, a(), b(), DataType.INT64)))
                .isEqualTo(Arrays.asList(9L, -5L, null, 10L, Long.MIN_VALUE));
        assertThat(eval(binary(BinaryOperator.SUBTRACT, a(), b(), DataType.INT64)))
                .isEqualTo(Arrays.asList(5L, -9L, null, 10L, Long.MAX_VALUE - 1));
        assertThat(eval(binary(BinaryOperator.MULTIPLY, a(), lit(3L, DataType.INT64), DataType.INT64)))
                .isEqualTo(Arrays.asList(21L, -21L, null, 30L, Long.MAX_VALUE * 3));
    }

    @Test
    void floorDivisionAndModuloFollowTheDivisorSignAndGiveNullForZero() {
        assertThat(eval(binary(BinaryOperator.FLOOR_DIVIDE, a(), b(), DataType.INT64)))
                .isEqualTo(Arrays.asList(3L, -4L, null, null, Long.MAX_VALUE));
        assertThat(eval(binary(BinaryOperator.MODULO, a(), b(), DataType.INT64)))
                .isEqualTo(Arrays.asList(1L, 1L, null, null, 0L));
        assertThat(eval(binary(BinaryOperator.FLOOR_DIVIDE, a(), lit(0L, DataType.INT64), DataType.INT64)))
                .containsOnlyNulls();
    }

    @Test
    void trueDivisionGivesFloat() {
        assertThat(eval(binary(BinaryOperator.TRUE_DIVIDE, a(), b(), DataType.FLOAT64)))
                .isEqualTo(Arrays.asList(3.5, -3.5, null, Double.POSITIVE_INFINITY, (double) Long.MAX_VALUE));
    }

    @Test
    void powerOfIntegersAndFloats() {
        assertThat(eval(binary(BinaryOperator.POWER, a(), b(), DataType.INT64)).subList(0, 3))
                .isEqualTo(Arrays.asList(49L, 49L, null));
        assertThat(eval(binary(BinaryOperator.POWER, a(), lit(0.5, DataType.FLOAT64), DataType.FLOAT64)).get(3))
                .isEqualTo(Math.sqrt(10));
    }

    @Test
    void int32ArithmeticWrapsAtThirtyTwoBits() {
        InMemory frame = frame(column("i", DataType.INT32, Integer.MAX_VALUE, 1));
        List<Object> sums = values(new Project(frame, List.of(named("s", binary(BinaryOperator.ADD,
                col("i", DataType.INT32), lit(1, DataType.INT32), DataType.INT32)))));
        assertThat(sums).containsExactly(Integer.MIN_VALUE, 2);
    }

    @Test
    void floatModuloIsPythonStyle() {
        InMemory frame = frame(column("f", DataType.FLOAT64, -7.5, 7.5));
        assertThat(values(new Project(frame, List.of(named("m", binary(BinaryOperator.MODULO,
                col("f", DataType.FLOAT64), lit(2.0, DataType.FLOAT64), DataType.FLOAT64))))))
                .containsExactly(0.5, 1.5);
    }
}
