package dev.floe.plan.optimizer.rule;

import dev.floe.core.types.Schema;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.Transformed;

/**
 * {@code remove_no_op_nodes}: removes nodes that do not change their input: a Project selecting exactly the
 * input's columns in order, {@code Slice(0, Long.MAX_VALUE)}, {@code Filter(true)}, an empty WithColumns, and
 * an unlimited Sort directly below an unstable Sort (the outer sort decides the whole order; a stable outer
 * sort keeps the inner order among ties, so that pair stays).
 */
public final class RemoveNoOpNodes implements OptimizerRule {
    @Override
    public String name() {
        return "remove_no_op_nodes";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        return Transformed.compare(plan, Plans.transformUp(plan, RemoveNoOpNodes::removeNode));
    }

    private static LogicalPlan removeNode(LogicalPlan plan) {
        if (plan instanceof Project project && isIdentity(project)) {
            return project.input();
        }
        if (plan instanceof Slice slice && slice.offset() == 0 && slice.length() == Long.MAX_VALUE) {
            return slice.input();
        }
        if (plan instanceof Filter filter && Expressions.isTrue(filter.predicate())) {
            return filter.input();
        }
        if (plan instanceof WithColumns withColumns && withColumns.exprs().isEmpty()) {
            return withColumns.input();
        }
        if (plan instanceof Sort outer && !outer.maintainOrder() && outer.input() instanceof Sort inner
                && inner.limit() == -1) {
            return new Sort(inner.input(), outer.keys(), false, outer.limit());
        }
        return plan;
    }

    private static boolean isIdentity(Project project) {
        Schema input = project.input().schema();
        if (input.size() != project.exprs().size()) {
            return false;
        }
        for (int i = 0; i < input.size(); i++) {
            NamedExpr expr = project.exprs().get(i);
            if (!(expr.expr() instanceof LogicalExpr.Column column) || !column.name().equals(expr.name())
                    || !column.name().equals(input.field(i).name())) {
                return false;
            }
        }
        return true;
    }
}
