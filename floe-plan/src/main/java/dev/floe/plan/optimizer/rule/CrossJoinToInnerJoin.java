package dev.floe.plan.optimizer.rule;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.JoinColumns;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.Transformed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cross_join_to_inner_join}: a filter over a cross join whose conjuncts include equalities between an
 * expression of left columns and one of right columns becomes an inner join on those keys; the other
 * conjuncts stay in a filter above. A Project restores the cross join's columns (right keys the inner join
 * coalesces are recomputed from the equal left keys). Float keys are skipped ({@code 0.0 == -0.0} would make
 * the recomputed column differ).
 */
public final class CrossJoinToInnerJoin implements OptimizerRule {
    @Override
    public String name() {
        return "cross_join_to_inner_join";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        return Transformed.compare(plan, Plans.transformUp(plan, CrossJoinToInnerJoin::rewriteNode));
    }

    private static LogicalPlan rewriteNode(LogicalPlan plan) {
        if (!(plan instanceof Filter filter) || !(filter.input() instanceof Join cross)
                || cross.type() != JoinType.CROSS || Expressions.dependsOnOtherRows(filter.predicate())) {
            return plan;
        }
        JoinColumns crossColumns = JoinColumns.of(cross);
        List<LogicalExpr> leftKeys = new ArrayList<>();
        List<LogicalExpr> rightKeys = new ArrayList<>();
        List<LogicalExpr> remaining = new ArrayList<>();
        for (LogicalExpr conjunct : Expressions.conjuncts(filter.predicate())) {
            if (conjunct instanceof LogicalExpr.Binary binary && binary.operator() == BinaryOperator.EQUAL
                    && binary.left().type().equals(binary.right().type()) && !binary.left().type().isFloat()
                    && !(binary.left().type() instanceof DataType.NullType)) {
                LogicalExpr leftSide = sideExpr(crossColumns, binary.left(), true);
                LogicalExpr rightSide = sideExpr(crossColumns, binary.right(), false);
                if (leftSide == null || rightSide == null) {
                    leftSide = sideExpr(crossColumns, binary.right(), true);
                    rightSide = sideExpr(crossColumns, binary.left(), false);
                }
                if (leftSide != null && rightSide != null) {
                    leftKeys.add(leftSide);
                    rightKeys.add(rightSide);
                    continue;
                }
            }
            remaining.add(conjunct);
        }
        if (leftKeys.isEmpty()) {
            return plan;
        }
        Join inner;
        try {
            inner = new Join(cross.left(), cross.right(), JoinType.INNER, leftKeys, rightKeys, cross.suffix());
        } catch (FloeException e) {
            return plan;
        }
        LogicalPlan restored = restoreColumns(cross, crossColumns, inner);
        if (restored == null) {
            return plan;
        }
        return remaining.isEmpty() ? restored : new Filter(restored, Expressions.and(remaining));
    }

    /** The expression over one side's input columns, or null when it reads no column or the other side. */
    private static LogicalExpr sideExpr(JoinColumns columns, LogicalExpr expr, boolean fromLeft) {
        Set<String> names = Expressions.columns(expr);
        if (names.isEmpty() || Expressions.dependsOnOtherRows(expr)) {
            return null;
        }
        Map<String, LogicalExpr> renames = new HashMap<>();
        for (String name : names) {
            JoinColumns.Origin origin = columns.origin(name);
            if (origin == null || origin.fromLeft() != fromLeft) {
                return null;
            }
            renames.put(name, new LogicalExpr.Column(origin.inputName(), origin.type()));
        }
        return Expressions.substitute(expr, renames);
    }

    /** A Project over the inner join giving the cross join's columns, or null when a column cannot be found. */
    private static LogicalPlan restoreColumns(Join cross, JoinColumns crossColumns, Join inner) {
        JoinColumns innerColumns = JoinColumns.of(inner);
        List<NamedExpr> exprs = new ArrayList<>();
        for (JoinColumns.Origin origin : crossColumns.origins()) {
            String innerName = innerColumns.outputName(origin.fromLeft(), origin.inputName());
            LogicalExpr value;
            if (innerName != null) {
                value = new LogicalExpr.Column(innerName, origin.type());
            } else {
                int keyIndex = inner.rightKeys().indexOf(new LogicalExpr.Column(origin.inputName(), origin.type()));
                if (origin.fromLeft() || keyIndex < 0) {
                    return null;
                }
                value = inner.leftKeys().get(keyIndex);
            }
            exprs.add(new NamedExpr(origin.outputName(), value));
        }
        Project project = new Project(inner, exprs);
        return project.schema().equals(cross.schema()) ? project : null;
    }
}
