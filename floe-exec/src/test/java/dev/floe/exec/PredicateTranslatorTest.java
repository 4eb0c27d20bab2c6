package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.exec.scan.PredicateTranslator;
import dev.floe.io.predicate.ColumnPredicate;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.ScalarFunction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredicateTranslatorTest {
    private static final LogicalExpr A = col("a", DataType.INT64);
    private static final LogicalExpr S = col("s", DataType.STRING);

    @Test
    void comparisonsFlipWhenTheLiteralIsOnTheLeft() {
        assertThat(PredicateTranslator.translate(compare(BinaryOperator.LESS, lit(3L, DataType.INT64), A)))
                .isEqualTo(new ColumnPredicate.Compare("a", ColumnPredicate.CompareOp.GT, 3L));
    }

    @Test
    void functionsTranslate() {
        assertThat(PredicateTranslator.translate(function(new ScalarFunction.IsNull(), DataType.BOOLEAN, A)))
                .isEqualTo(new ColumnPredicate.IsNull("a"));
        assertThat(PredicateTranslator.translate(function(new ScalarFunction.IsIn(Arrays.asList(1L, null)),
                DataType.BOOLEAN, A))).isEqualTo(new ColumnPredicate.In("a", List.of(1L)));
        assertThat(PredicateTranslator.translate(function(new ScalarFunction.StrStartsWith("ab"), DataType.BOOLEAN, S)))
                .isEqualTo(new ColumnPredicate.StartsWith("s", "ab"));
        assertThat(PredicateTranslator.translate(function(new ScalarFunction.StrEndsWith("yz"), DataType.BOOLEAN, S)))
                .isEqualTo(new ColumnPredicate.EndsWith("s", "yz"));
        assertThat(PredicateTranslator.translate(function(new ScalarFunction.Not(), DataType.BOOLEAN,
                function(new ScalarFunction.StrContains("MEDIUM POLISHED*", false), DataType.BOOLEAN, S))))
                .isEqualTo(new ColumnPredicate.Not(new ColumnPredicate.Contains("s", "MEDIUM POLISHED*", false)));
        assertThat(PredicateTranslator.translate(function(new ScalarFunction.StrContains("a(b", false),
                DataType.BOOLEAN, S))).as("a regex that does not compile is left to the executor").isNull();
        assertThat(PredicateTranslator.translate(function(new ScalarFunction.IsBetween(ClosedInterval.RIGHT),
                DataType.BOOLEAN, A, lit(1L, DataType.INT64), lit(5L, DataType.INT64))))
                .isEqualTo(new ColumnPredicate.And(List.of(
                        new ColumnPredicate.Compare("a", ColumnPredicate.CompareOp.GT, 1L),
                        new ColumnPredicate.Compare("a", ColumnPredicate.CompareOp.LT_EQ, 5L))));
    }

    @Test
    void untranslatableConjunctsAreDroppedButNeverInsideOrAndNot() {
        LogicalExpr opaque = compare(BinaryOperator.EQUAL, A, col("b", DataType.INT64));
        LogicalExpr simple = compare(BinaryOperator.EQUAL, A, lit(1L, DataType.INT64));
        assertThat(PredicateTranslator.translate(binary(BinaryOperator.AND, opaque, simple, DataType.BOOLEAN)))
                .isEqualTo(new ColumnPredicate.Compare("a", ColumnPredicate.CompareOp.EQ, 1L));
        assertThat(PredicateTranslator.translate(binary(BinaryOperator.OR, opaque, simple, DataType.BOOLEAN))).isNull();
        LogicalExpr notOfPartial = function(new ScalarFunction.Not(), DataType.BOOLEAN,
                binary(BinaryOperator.AND, opaque, simple, DataType.BOOLEAN));
        assertThat(PredicateTranslator.translate(notOfPartial)).isNull();
        assertThat(PredicateTranslator.translate(function(new ScalarFunction.Not(), DataType.BOOLEAN, simple)))
                .isEqualTo(new ColumnPredicate.Not(new ColumnPredicate.Compare("a", ColumnPredicate.CompareOp.EQ, 1L)));
        assertThat(PredicateTranslator.translate(compare(BinaryOperator.EQUAL, A, lit(null, DataType.INT64)))).isNull();
    }
}
