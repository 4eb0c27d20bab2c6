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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code remove_no_op_nodes}: removes nodes that do not change their input: a Project selecting exactly the
 * input's columns in order (and merges a Project of plain columns into the Project below it),
 * {@code Slice(0, Long.MAX_VALUE)}, {@code Filter(true)}, an empty WithColumns, and
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
        if (plan instanceof Project outer && outer.input() instanceof Project inner && selectsColumns(outer)) {
            return mergeProjects(outer, inner);
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

    private static boolean selectsColumns(Project project) {
        return project.exprs().stream().allMatch(e -> e.expr() instanceof LogicalExpr.Column);
    }

    /** An outer Project of plain columns over another Project is one Project selecting the inner expressions. */
    private static LogicalPlan mergeProjects(Project outer, Project inner) {
        Map<String, LogicalExpr> innerExprs = new HashMap<>();
        inner.exprs().forEach(e -> innerExprs.put(e.name(), e.expr()));
        List<NamedExpr> merged = new ArrayList<>();
        for (NamedExpr expr : outer.exprs()) {
            merged.add(new NamedExpr(expr.name(), innerExprs.get(((LogicalExpr.Column) expr.expr()).name())));
        }
        return new Project(inner.input(), merged);
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
