package dev.floe.exec.planner;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.join.JoinHashTable;
import dev.floe.exec.join.LeftBuildProbe;
import dev.floe.exec.join.LeftOrderAssembly;
import dev.floe.exec.pipeline.CollectSink;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A left join whose left input is estimated far smaller than its right input (q17's 200 parts left-joined
 * with 6 M line items): the hash table is built on the left rows and the right input streams through
 * {@link LeftBuildProbe}, instead of materializing the large right input as the build side. The output is
 * then put in the order a left join has (left rows in order, each with its matches in right order, unmatched
 * ones once with nulls) by {@link LeftOrderAssembly}.
 */
final class LeftBuildJoinPlanner {
    private LeftBuildJoinPlanner() {
    }

    /** Whether this join runs better with its hash table on the left input. */
    static boolean applies(Join join, PhysicalPlanner planner) {
        if (join.type() != JoinType.LEFT) {
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
        Schema schema = join.schema();
        LogicalPlan leftPlan = join.left();
        Schema leftSchema = leftPlan.schema();
        Schema rightSchema = join.right().schema();
        boolean[] fromLeft = new boolean[schema.size()];
        int[] columns = new int[schema.size()];
        List<Integer> kept = new ArrayList<>();
        int out = 0;
        for (int i = 0; i < leftSchema.size(); i++) {
            fromLeft[out] = true;
            columns[out++] = i;
        }
        for (int i = 0; i < rightSchema.size(); i++) {
            if (join.keepsRightColumn(rightSchema.field(i).name())) {
                columns[out++] = kept.size();
                kept.add(i);
            }
        }
        if (out != schema.size()) {
            throw dev.floe.core.FloeException.internal("left join layout has " + out + " columns for " + schema);
        }
        int[] keptColumns = kept.stream().mapToInt(Integer::intValue).toArray();
        LeftBuildProbe probe = new LeftBuildProbe(rightKeys, table, keptColumns, rightSchema);
        List<Batch> pairs = CollectSink.collect(planner.context(), right.then(probe, probe.schema()));
        Batch output = new LeftOrderAssembly(schema, fromLeft, columns).assemble(left, probe.schema(), pairs);
        return planner.source(schema, List.of(output));
    }
}
