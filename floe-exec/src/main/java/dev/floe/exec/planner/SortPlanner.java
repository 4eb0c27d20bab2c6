package dev.floe.exec.planner;

import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.ExpressionCompiler;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.exec.sort.ParallelSorter;
import dev.floe.exec.sort.RadixSorter;
import dev.floe.exec.sort.TopK;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import java.util.ArrayList;
import java.util.List;

/**
 * sort: materializes the input, sorts a permutation of row indices stably (runs in parallel, then merged) and
 * gathers; one integer key is radix sorted; a small limit selects the top rows with a bounded heap instead.
 */
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
        int count = sort.limit() >= 0 ? (int) Math.min(n, sort.limit()) : n;
        int[] order;
        if (count < n / 8) {
            order = TopK.select(n, count, keys, descending, nullsLast);
        } else if (keys.size() == 1 && RadixSorter.supports(keys.getFirst())) {
            order = RadixSorter.sort(keys.getFirst(), descending[0], nullsLast[0]);
        } else {
            order = ParallelSorter.sort(n, keys, descending, nullsLast, planner.context());
        }
        return planner.source(sort.schema(), List.of(input.take(order, count)));
    }
}
