package dev.floe.plan.optimizer.rule;

import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.optimizer.JoinSwap;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.RowCountSource;
import dev.floe.plan.optimizer.Transformed;

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
        return JoinSwap.of(join).<LogicalPlan>map(JoinSwap::plan).orElse(plan);
    }
}
