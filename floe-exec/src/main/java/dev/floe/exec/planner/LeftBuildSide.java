package dev.floe.exec.planner;

import dev.floe.core.vector.Batch;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.join.BuiltSide;
import dev.floe.exec.join.JoinHashTable;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.Join;
import java.util.ArrayList;
import java.util.List;

/**
 * A join planned with its hash table on the left input (the left estimated far smaller than the right): the
 * materialized left rows, the table over their keys (from the context's build sides, possibly shared), and the
 * right input's pipeline with its key evaluators, which {@link LeftBuildJoinPlanner} and
 * {@link LeftBuildSemiJoinPlanner} stream through their probes.
 */
record LeftBuildSide(Batch left, JoinHashTable table, Pipeline right, List<Evaluator> rightKeys) {
    /** The left input must be estimated at less than this fraction of the right input's rows. */
    static final double RATIO = 0.5;

    /** Whether the join's left input is estimated at less than {@link #RATIO} of its right input's rows. */
    static boolean leftMuchSmaller(Join join, PhysicalPlanner planner) {
        double left = planner.estimatedRows(join.left());
        double right = planner.estimatedRows(join.right());
        return left >= 0 && right >= 0 && left < right * RATIO;
    }

    /** Materializes the left input, builds the table on its keys and plans the right input. */
    static LeftBuildSide of(Join join, PhysicalPlanner planner) {
        BuiltSide built = JoinPlanner.build(join.left(), join.leftKeys(), planner);
        Batch left = built.rows();
        JoinHashTable table = built.table();
        Pipeline right = planner.plan(join.right());
        List<Evaluator> rightKeys = new ArrayList<>();
        for (LogicalExpr key : join.rightKeys()) {
            rightKeys.add(ExpressionCompiler.compile(key, right.schema()));
        }
        return new LeftBuildSide(left, table, right, rightKeys);
    }
}
