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

/** A string column compared with a string literal (the scalar path) agrees with the column-to-column comparison. */
class StringScalarComparisonTest {
    private static List<Object> eval(InMemory frame, LogicalExpr expr) {
        return values(new Project(frame, List.of(named("x", expr))));
    }

    @Test
    void everyOperatorAgreesWithComparingTwoColumns() {
        InMemory frame = frame(column("s", DataType.STRING, "R", "", "RR", "A", "é", null, "r"),
                column("t", DataType.STRING, "R", "R", "R", "R", "R", "R", "R"));
        LogicalExpr s = col("s", DataType.STRING);
        for (BinaryOperator operator : List.of(BinaryOperator.EQUAL, BinaryOperator.NOT_EQUAL, BinaryOperator.LESS,
                BinaryOperator.LESS_EQUAL, BinaryOperator.GREATER, BinaryOperator.GREATER_EQUAL)) {
            assertThat(eval(frame, compare(operator, s, lit("R", DataType.STRING)))).as(operator.name())
                    .isEqualTo(eval(frame, compare(operator, s, col("t", DataType.STRING))));
        }
        assertThat(eval(frame, compare(BinaryOperator.EQUAL, s, lit("R", DataType.STRING))))
                .isEqualTo(Arrays.asList(true, false, false, false, false, null, false));
    }
}
