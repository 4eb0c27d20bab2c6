package dev.floe.exec.planner;

import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.exec.sort.ParallelSorter;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import java.util.ArrayList;
import java.util.List;

/** sort: materializes the input, sorts a permutation of row indices stably, gathers; a limit keeps the top rows. */
final class SortPlanner {
    private SortPlanner() {
    }

    static Pipeline plan(Sort sort, PhysicalPlanner planner) {
        Batch input = planner.materializeOne(sort.input());
        int n = input.rowCount();
        List<Vector> keys = new ArrayList<>();
        boolean[] descending = new boolean[sort.keys().size()];
        boolean[] nullsLast = new boolean[descending.length];
        for (int k = 0; k < descending.length; k++) {
            SortKey key = sort.keys().get(k);
            keys.add(ExpressionCompiler.compile(key.expr(), input.schema()).evaluate(input));
            descending[k] = key.descending();
            nullsLast[k] = key.nullsLast();
        }
        int[] order = ParallelSorter.sort(n, keys, descending, nullsLast, planner.context());
        int count = sort.limit() >= 0 ? (int) Math.min(n, sort.limit()) : n;
        return planner.source(sort.schema(), List.of(input.take(order, count)));
    }
}
