package dev.floe.exec.planner;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.join.BuildSides;
import dev.floe.exec.join.BuiltSide;
import dev.floe.exec.join.CrossJoinOperator;
import dev.floe.exec.join.HashJoinProbe;
import dev.floe.exec.join.JoinHashTable;
import dev.floe.exec.join.JoinLayout;
import dev.floe.exec.pipeline.CollectSink;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins: the build side (right, or left for a right join so the right side's order drives the output) is
 * materialized into a {@link JoinHashTable}; the probe side streams through {@link HashJoinProbe} in parallel.
 * A full join then appends the build rows no probe matched.
 */
final class JoinPlanner {
    private JoinPlanner() {
    }

    static Pipeline plan(Join join, PhysicalPlanner planner) {
        if (LeftBuildJoinPlanner.applies(join, planner)) {
            return LeftBuildJoinPlanner.plan(join, planner);
        }
        if (LeftBuildSemiJoinPlanner.applies(join, planner)) {
            return LeftBuildSemiJoinPlanner.plan(join, planner);
        }
        boolean probeRight = join.type() == JoinType.RIGHT;
        var probePlan = probeRight ? join.right() : join.left();
        var buildPlan = probeRight ? join.left() : join.right();
        List<LogicalExpr> probeKeyExprs = probeRight ? join.rightKeys() : join.leftKeys();
        List<LogicalExpr> buildKeyExprs = probeRight ? join.leftKeys() : join.rightKeys();
        JoinLayout layout = layout(join, probeRight);
        if (join.type() == JoinType.CROSS) {
            Batch build = planner.materializeOne(buildPlan);
            return planner.plan(probePlan).then(new CrossJoinOperator(build, layout), join.schema());
        }
        BuiltSide side = build(buildPlan, buildKeyExprs, planner);
        Batch build = side.rows();
        JoinHashTable table = side.table();
        Pipeline probe = planner.plan(probePlan);
        List<Evaluator> probeKeys = new ArrayList<>();
        for (LogicalExpr key : probeKeyExprs) {
            probeKeys.add(ExpressionCompiler.compile(key, probe.schema()));
        }
        HashJoinProbe.Mode mode = switch (join.type()) {
            case INNER -> HashJoinProbe.Mode.INNER;
            case LEFT, RIGHT, FULL -> HashJoinProbe.Mode.OUTER;
            case SEMI -> HashJoinProbe.Mode.SEMI;
            case ANTI -> HashJoinProbe.Mode.ANTI;
            case CROSS -> throw dev.floe.core.FloeException.internal("cross join planned above");
        };
        boolean[] matched = join.type() == JoinType.FULL ? new boolean[build.rowCount()] : null;
        Pipeline probed = probe.then(new HashJoinProbe(mode, probeKeys, table, build, layout, matched), join.schema());
        if (join.type() != JoinType.FULL) {
            return probed;
        }
        List<Batch> batches = new ArrayList<>(CollectSink.collect(planner.context(), probed));
        int[] unmatched = new int[build.rowCount()];
        int count = 0;
        for (int i = 0; i < matched.length; i++) {
            if (!matched[i]) {
                unmatched[count++] = i;
            }
        }
        if (count > 0) {
            int[] noProbe = new int[count];
            java.util.Arrays.fill(noProbe, -1);
            Batch emptyProbe = Batch.empty(probePlan.schema());
            batches.add(layout.assemble(emptyProbe, noProbe, build, unmatched, count));
        }
        return planner.source(join.schema(), batches);
    }

    /**
     * The build side of {@code plan} hashed on {@code keys}, from the context's {@link BuildSides}: materialized
     * and hashed here unless the host hands out one built before. Shared by {@link LeftBuildSide}.
     */
    static BuiltSide build(LogicalPlan plan, List<LogicalExpr> keys, PhysicalPlanner planner) {
        return planner.context().buildSides().obtain(plan, keys, () -> {
            Batch rows = planner.materializeOne(plan);
            List<Vector> keyVectors = new ArrayList<>();
            List<DataType> keyTypes = new ArrayList<>();
            for (LogicalExpr key : keys) {
                keyVectors.add(ExpressionCompiler.compile(key, rows.schema()).evaluate(rows));
                keyTypes.add(key.type());
            }
            return new BuiltSide(rows, new JoinHashTable(keyVectors, keyTypes, rows.rowCount()));
        });
    }

    /** Output columns in schema order, each from the probe or the build side. */
    private static JoinLayout layout(Join join, boolean probeRight) {
        Schema schema = join.schema();
        Schema left = join.left().schema();
        Schema right = join.right().schema();
        boolean[] fromProbe = new boolean[schema.size()];
        int[] columns = new int[schema.size()];
        int out = 0;
        for (int i = 0; i < left.size(); i++) {
            if (join.keepsLeftColumn(left.field(i).name())) {
                fromProbe[out] = !probeRight;
                columns[out++] = i;
            }
        }
        if (join.type() != JoinType.SEMI && join.type() != JoinType.ANTI) {
            for (int i = 0; i < right.size(); i++) {
                if (join.keepsRightColumn(right.field(i).name())) {
                    fromProbe[out] = probeRight;
                    columns[out++] = i;
                }
            }
        }
        if (out != schema.size()) {
            throw dev.floe.core.FloeException.internal("join layout has " + out + " columns for " + schema);
        }
        return new JoinLayout(schema, fromProbe, columns);
    }
}
