package dev.floe.exec.planner;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.hash.GroupTable;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.UniqueKeep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * unique: groups rows by the subset columns and keeps the first, last, any, or only unduplicated rows, in the
 * order of the kept rows in the input. Any row over all the columns, in no particular order, is a hash
 * aggregation with every column a key and no aggregates (parallel, without materializing the input).
 */
final class DistinctPlanner {
    private DistinctPlanner() {
    }

    static Pipeline plan(Distinct distinct, PhysicalPlanner planner) {
        if (isGroupBy(distinct)) {
            List<NamedExpr> keys = new ArrayList<>();
            for (Field field : distinct.input().schema().fields()) {
                keys.add(NamedExpr.column(field.name(), field.type()));
            }
            return AggregatePlanner.plan(new Aggregate(distinct.input(), keys, List.of(), false), planner);
        }
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

    /**
     * keep=any over every column (any row of a group is the group's keys) of flat types (the group table's key
     * columns decode them), order not maintained.
     */
    private static boolean isGroupBy(Distinct distinct) {
        List<String> names = distinct.input().schema().names();
        boolean flat = distinct.input().schema().types().stream()
                .noneMatch(type -> type instanceof DataType.ListType || type instanceof DataType.StructType);
        return distinct.keep() == UniqueKeep.ANY && !distinct.maintainOrder() && !names.isEmpty() && flat
                && (distinct.subset() == null || Set.copyOf(distinct.subset()).containsAll(names));
    }
}
