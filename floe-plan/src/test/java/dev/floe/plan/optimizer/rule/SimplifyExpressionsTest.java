package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.Transformed;
import org.junit.jupiter.api.Test;

class SimplifyExpressionsTest {
    private final SimplifyExpressions rule = new SimplifyExpressions();
    private final LogicalExpr flag = col("f", DataType.BOOLEAN);

    private LogicalExpr simplifyInProject(LogicalExpr expr) {
        LogicalPlan plan = project(memory("a", "b", "f:bool", "s:str", "i:i32"), named("x", expr));
        Transformed<LogicalPlan> result = rule.rewrite(plan);
        assertThat(result.value().schema()).isEqualTo(plan.schema());
        return ((Project) result.value()).exprs().getFirst().expr();
    }

    private LogicalPlan simplifyFilter(LogicalExpr predicate) {
        LogicalPlan plan = filter(memory("a", "b", "f:bool"), predicate);
        LogicalPlan result = rule.rewrite(plan).value();
        assertThat(result.schema()).isEqualTo(plan.schema());
        return result;
    }

    @Test
    void booleanIdentities() {
        assertThat(simplifyInProject(and(flag, lit(true)))).isEqualTo(flag);
        assertThat(simplifyInProject(and(lit(true), flag))).isEqualTo(flag);
        assertThat(simplifyInProject(and(flag, lit(false)))).isEqualTo(Expressions.FALSE);
        assertThat(simplifyInProject(or(flag, lit(false)))).isEqualTo(flag);
        assertThat(simplifyInProject(or(lit(true), flag))).isEqualTo(Expressions.TRUE);
        assertThat(simplifyInProject(not(not(flag)))).isEqualTo(flag);
        assertThat(simplifyInProject(not(lit(true)))).isEqualTo(Expressions.FALSE);
    }

    @Test
    void nullBooleanIsNotTreatedAsFalseInProjections() {
        LogicalExpr nullBoolean = new LogicalExpr.Literal(null, DataType.BOOLEAN);
        LogicalExpr expr = and(flag, nullBoolean);
        assertThat(simplifyInProject(expr)).isEqualTo(expr);
    }

    @Test
    void foldsLiteralArithmeticWithWraparoundAndComparisons() {
        assertThat(simplifyInProject(add(lit(2), mul(lit(3), lit(4))))).isEqualTo(lit(14));
        assertThat(simplifyInProject(add(lit(Long.MAX_VALUE), lit(1)))).isEqualTo(lit(Long.MIN_VALUE));
        LogicalExpr intMax = new LogicalExpr.Literal(Integer.MAX_VALUE, DataType.INT32);
        LogicalExpr intOne = new LogicalExpr.Literal(1, DataType.INT32);
        assertThat(simplifyInProject(binary(BinaryOperator.ADD, intMax, intOne)))
                .isEqualTo(new LogicalExpr.Literal(Integer.MIN_VALUE, DataType.INT32));
        assertThat(simplifyInProject(lt(lit(1), lit(2)))).isEqualTo(Expressions.TRUE);
        assertThat(simplifyInProject(eq(lit("x"), lit("y")))).isEqualTo(Expressions.FALSE);
        assertThat(simplifyInProject(eq(lit(1), new LogicalExpr.Literal(null, DataType.INT64))))
                .isEqualTo(new LogicalExpr.Literal(null, DataType.BOOLEAN));
    }

    @Test
    void doesNotFoldWhatItCannotMatchExactly() {
        LogicalExpr modulo = binary(BinaryOperator.MODULO, lit(7), lit(0));
        assertThat(simplifyInProject(modulo)).isEqualTo(modulo);
        LogicalExpr stringOrder = lt(lit("a"), lit("b"));
        assertThat(simplifyInProject(stringOrder)).isEqualTo(stringOrder);
        LogicalExpr columns = add(col("a"), lit(0));
        assertThat(simplifyInProject(columns)).isEqualTo(columns);
    }

    @Test
    void castsOfLiteralsFoldAndCastsToTheSameTypeDisappear() {
        assertThat(simplifyInProject(new LogicalExpr.Cast(col("a"), DataType.INT64, true))).isEqualTo(col("a"));
        assertThat(simplifyInProject(new LogicalExpr.Cast(new LogicalExpr.Literal(5, DataType.INT32),
                DataType.INT64, true))).isEqualTo(lit(5));
        LogicalExpr narrowing = new LogicalExpr.Cast(lit(5_000_000_000L), DataType.INT32, false);
        assertThat(simplifyInProject(narrowing)).isEqualTo(narrowing);
    }

    @Test
    void contradictionsOnOneColumnBecomeFalse() {
        LogicalPlan range = simplifyFilter(and(gt(col("a"), lit(5)), lt(col("a"), lit(3))));
        assertThat(((Filter) range).predicate()).isEqualTo(Expressions.FALSE);
        LogicalPlan equalities = simplifyFilter(and(eq(col("a"), lit(1)), eq(col("a"), lit(2))));
        assertThat(((Filter) equalities).predicate()).isEqualTo(Expressions.FALSE);
        LogicalPlan satisfiable = simplifyFilter(and(gt(col("a"), lit(1)), lt(col("a"), lit(3)),
                eq(col("b"), lit(9))));
        assertThat(((Filter) satisfiable).predicate()).isNotEqualTo(Expressions.FALSE);
        LogicalPlan differentColumns = simplifyFilter(and(gt(col("a"), lit(5)), lt(col("b"), lit(3))));
        assertThat(((Filter) differentColumns).predicate()).isNotEqualTo(Expressions.FALSE);
    }

    @Test
    void filterTrueIsRemovedAndFilterFalseIsKept() {
        assertThat(simplifyFilter(or(flag, lit(true)))).isInstanceOf(dev.floe.plan.logical.InMemory.class);
        assertThat(((Filter) simplifyFilter(and(flag, lit(false)))).predicate()).isEqualTo(Expressions.FALSE);
    }

    @Test
    void isBetweenAndSingleIsInBecomeComparisonsInPredicates() {
        LogicalPlan between = simplifyFilter(isBetween(col("a"), lit(1), lit(9), ClosedInterval.LEFT));
        assertThat(((Filter) between).predicate())
                .isEqualTo(and(binary(BinaryOperator.GREATER_EQUAL, col("a"), lit(1)), lt(col("a"), lit(9))));
        LogicalPlan in = simplifyFilter(isIn(col("a"), 4L));
        assertThat(((Filter) in).predicate()).isEqualTo(eq(col("a"), lit(4)));
        LogicalPlan twoValues = simplifyFilter(isIn(col("a"), 4L, 5L));
        assertThat(((Filter) twoValues).predicate()).isEqualTo(isIn(col("a"), 4L, 5L));
    }

    @Test
    void isInBelowNotIsLeftAlone() {
        LogicalExpr negated = not(isIn(col("a"), 4L));
        assertThat(((Filter) simplifyFilter(negated)).predicate()).isEqualTo(negated);
    }

    @Test
    void scanPredicatesAreSimplified() {
        Scan scan = scan("t", "a").withPredicate(and(gt(col("a"), lit(1)), lit(true)));
        LogicalPlan result = rule.rewrite(scan).value();
        assertThat(((Scan) result).predicate()).isEqualTo(gt(col("a"), lit(1)));
        assertThat(rule.rewrite(result).changed()).isFalse();
    }
}
