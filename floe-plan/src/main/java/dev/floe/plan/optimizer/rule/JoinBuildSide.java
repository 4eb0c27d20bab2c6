package dev.floe.plan.optimizer.rule;

import dev.floe.core.FloeException;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.optimizer.JoinColumns;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.RowCountSource;
import dev.floe.plan.optimizer.Transformed;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code choose_join_build_side}: the executor builds its hash table on a join's right input, so an inner
 * join whose left input is estimated at less than half the right's rows gets its inputs swapped, with a
 * Project above restoring the original columns (names, order; a coalesced key taken from the equal key of
 * the other side). Joins with unknown sizes, float keys or other types than inner are left alone.
 */
public final class JoinBuildSide implements OptimizerRule {
    static final double RATIO = 0.5;

    private final RowCountSource rowCounts;

    public JoinBuildSide(RowCountSource rowCounts) {
        this.rowCounts = rowCounts;
    }

    @Override
    public String name() {
        return "choose_join_build_side";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        CardinalityEstimator estimator = new CardinalityEstimator(rowCounts.memoized());
        return Transformed.compare(plan, Plans.transformUp(plan, node -> rewriteNode(node, estimator)));
    }

    private static LogicalPlan rewriteNode(LogicalPlan plan, CardinalityEstimator estimator) {
        if (!(plan instanceof Join join) || join.type() != JoinType.INNER
                || join.leftKeys().stream().anyMatch(k -> k.type().isFloat())) {
            return plan;
        }
        double left = estimator.rows(join.left());
        double right = estimator.rows(join.right());
        if (left < 0 || right < 0 || left >= right * RATIO) {
            return plan;
        }
        Join swapped;
        try {
            swapped = new Join(join.right(), join.left(), JoinType.INNER, join.rightKeys(), join.leftKeys(),
                    join.suffix());
        } catch (FloeException e) {
            return plan;
        }
        JoinColumns original = JoinColumns.of(join);
        JoinColumns after = JoinColumns.of(swapped);
        List<NamedExpr> exprs = new ArrayList<>();
        for (JoinColumns.Origin origin : original.origins()) {
            String name = after.outputName(!origin.fromLeft(), origin.inputName());
            LogicalExpr value;
            if (name != null) {
                value = new LogicalExpr.Column(name, origin.type());
            } else {
                int keyIndex = join.leftKeys().indexOf(new LogicalExpr.Column(origin.inputName(), origin.type()));
                if (!origin.fromLeft() || keyIndex < 0) {
                    return plan;
                }
                value = join.rightKeys().get(keyIndex);
            }
            exprs.add(new NamedExpr(origin.outputName(), value));
        }
        Project project = new Project(swapped, exprs);
        return project.schema().equals(join.schema()) ? project : plan;
    }
}
