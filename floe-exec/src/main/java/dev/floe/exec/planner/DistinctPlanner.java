package dev.floe.exec.planner;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.hash.GroupTable;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.logical.Distinct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * unique: groups rows by the subset columns and keeps the first, last, any, or only unduplicated rows, in the
 * order of the kept rows in the input.
 */
final class DistinctPlanner {
    private DistinctPlanner() {
    }

    static Pipeline plan(Distinct distinct, PhysicalPlanner planner) {
        Batch input = planner.materializeOne(distinct.input());
        List<String> subset = distinct.subset() == null ? input.schema().names() : distinct.subset();
        List<Vector> keys = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (String name : subset) {
            keys.add(input.column(name));
            types.add(input.schema().field(name).type());
        }
        int n = input.rowCount();
        GroupTable table = GroupTable.create(types);
        int[] groups = table.groupIds(keys, n);
        int groupCount = table.groupCount();
        int[] first = new int[groupCount];
        int[] last = new int[groupCount];
        int[] counts = new int[groupCount];
        Arrays.fill(first, -1);
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            if (first[g] < 0) {
                first[g] = i;
            }
            last[g] = i;
            counts[g]++;
        }
        boolean[] keep = new boolean[n];
        for (int g = 0; g < groupCount; g++) {
            switch (distinct.keep()) {
                case ANY, FIRST -> keep[first[g]] = true;
                case LAST -> keep[last[g]] = true;
                case NONE -> {
                    if (counts[g] == 1) {
                        keep[first[g]] = true;
                    }
                }
            }
        }
        int[] rows = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                rows[count++] = i;
            }
        }
        return planner.source(distinct.schema(), List.of(input.take(rows, count)));
    }
}
