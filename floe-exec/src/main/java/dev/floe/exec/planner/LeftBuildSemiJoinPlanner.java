package dev.floe.exec.planner;

import dev.floe.core.vector.Batch;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.join.JoinHashTable;
import dev.floe.exec.join.MatchMarkingProbe;
import dev.floe.exec.pipeline.CollectSink;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import java.util.List;

/**
 * A semi or anti join whose left input is estimated far smaller than its right input (q04's orders of one
 * quarter against the late line items): the hash table is built on the left rows, the right input streams
 * through {@link MatchMarkingProbe} flagging the left keys it has, and the left rows are then kept (semi) or
 * dropped (anti) in their order, instead of materializing the large right input as the build side.
 */
final class LeftBuildSemiJoinPlanner {
    private LeftBuildSemiJoinPlanner() {
    }

    /** Whether this join runs better with its hash table on the left input. */
    static boolean applies(Join join, PhysicalPlanner planner) {
        if (join.type() != JoinType.SEMI && join.type() != JoinType.ANTI) {
            return false;
        }
        return LeftBuildSide.leftMuchSmaller(join, planner);
    }

    static Pipeline plan(Join join, PhysicalPlanner planner) {
        LeftBuildSide side = LeftBuildSide.of(join, planner);
        Batch left = side.left();
        JoinHashTable table = side.table();
        Pipeline right = side.right();
        List<Evaluator> rightKeys = side.rightKeys();
        // Groups never outnumber the left rows; only groups the table returns are ever flagged.
        boolean[] matchedGroups = new boolean[left.rowCount()];
        MatchMarkingProbe probe = new MatchMarkingProbe(rightKeys, table, matchedGroups, right.schema());
        CollectSink.collect(planner.context(), right.then(probe, right.schema()));
        int[] rows = MatchMarkingProbe.selectedRows(table, matchedGroups, left.rowCount(),
                join.type() == JoinType.SEMI);
        Batch output = rows.length == left.rowCount() ? left : left.take(rows, rows.length);
        return planner.source(join.schema(), List.of(output.withSchema(join.schema())));
    }
}
