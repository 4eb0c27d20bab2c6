package dev.floe.plan.optimizer;

import dev.floe.core.types.Schema;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.UniqueKeep;
import dev.floe.plan.logical.WithColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A slow row-at-a-time evaluator of logical plans over Int64/String/Boolean data, written only to check that
 * optimizer rewrites keep results. Scans read tables from a map by first path; in-memory sources are empty.
 */
final class ReferenceInterpreter {
    private final Map<String, List<List<Object>>> tables;

    ReferenceInterpreter(Map<String, List<List<Object>>> tables) {
        this.tables = tables;
    }

    List<List<Object>> run(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> {
                Schema table = scan.tableSchema();
                List<List<Object>> out = new ArrayList<>();
                for (List<Object> row : tables.get(scan.source().paths().getFirst())) {
                    if (scan.predicate() != null && !Boolean.TRUE.equals(eval(scan.predicate(), table, row, null))) {
                        continue;
                    }
                    if (scan.limit() != -1 && out.size() >= scan.limit()) {
                        break;
                    }
                    out.add(select(table, row, scan.schema().names()));
                }
                yield out;
            }
            case InMemory memory -> List.of();
            case Filter filter -> {
                Schema schema = filter.input().schema();
                yield run(filter.input()).stream()
                        .filter(row -> Boolean.TRUE.equals(eval(filter.predicate(), schema, row, null))).toList();
            }
            case Project project -> {
                Schema schema = project.input().schema();
                yield run(project.input()).stream().map(row -> evalAll(project.exprs(), schema, row)).toList();
            }
            case WithColumns withColumns -> {
                Schema schema = withColumns.input().schema();
                Schema output = withColumns.schema();
                List<List<Object>> out = new ArrayList<>();
                for (List<Object> row : run(withColumns.input())) {
                    List<Object> next = new ArrayList<>(row);
                    while (next.size() < output.size()) {
                        next.add(null);
                    }
                    for (NamedExpr expr : withColumns.exprs()) {
                        next.set(output.indexOf(expr.name()), eval(expr.expr(), schema, row, null));
                    }
                    out.add(next);
                }
                yield out;
            }
            case Aggregate aggregate -> aggregate(aggregate);
            case Join join -> join(join);
            case Sort sort -> {
                List<List<Object>> rows = new ArrayList<>(run(sort.input()));
                Schema schema = sort.input().schema();
                Comparator<List<Object>> order = (a, b) -> 0;
                for (SortKey key : sort.keys()) {
                    Comparator<List<Object>> byKey = (a, b) -> compareNullable(eval(key.expr(), schema, a, null),
                            eval(key.expr(), schema, b, null), key.descending(), key.nullsLast());
                    order = order.thenComparing(byKey);
                }
                rows.sort(order);
                yield sort.limit() == -1 ? rows : rows.subList(0, (int) Math.min(rows.size(), sort.limit()));
            }
            case Slice slice -> {
                List<List<Object>> rows = run(slice.input());
                long start = slice.offset() < 0 ? Math.max(0, rows.size() + slice.offset()) : slice.offset();
                start = Math.min(start, rows.size());
                long end = Math.min(rows.size(), start + Math.min(slice.length(), rows.size()));
                yield rows.subList((int) start, (int) end);
            }
            case Distinct distinct -> distinct(distinct);
            case Union union -> {
                List<List<Object>> out = new ArrayList<>();
                union.inputs().forEach(input -> out.addAll(run(input)));
                yield out;
            }
            case RowIndex rowIndex -> {
                List<List<Object>> out = new ArrayList<>();
                long index = rowIndex.offset();
                for (List<Object> row : run(rowIndex.input())) {
                    List<Object> next = new ArrayList<>();
                    next.add(index++);
                    next.addAll(row);
                    out.add(next);
                }
                yield out;
            }
            case Cache cache -> run(cache.input());
            case Sink sink -> run(sink.input());
        };
    }

    private static List<Object> select(Schema schema, List<Object> row, List<String> names) {
        List<Object> out = new ArrayList<>();
        for (String name : names) {
            out.add(row.get(schema.indexOf(name)));
        }
        return out;
    }

    private static List<Object> evalAll(List<NamedExpr> exprs, Schema schema, List<Object> row) {
        List<Object> out = new ArrayList<>();
        for (NamedExpr expr : exprs) {
            out.add(eval(expr.expr(), schema, row, null));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNullable(Object a, Object b, boolean descending, boolean nullsLast) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return (a == null) == nullsLast ? 1 : -1;
        }
        int order = ((Comparable) a).compareTo(b);
        return descending ? -order : order;
    }

    /** Evaluates a row-wise expression; aggregations read {@code group} (rows of the same schema). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object eval(LogicalExpr expr, Schema schema, List<Object> row, List<List<Object>> group) {
        return switch (expr) {
            case LogicalExpr.Column column -> row.get(schema.indexOf(column.name()));
            case LogicalExpr.Literal literal -> literal.value() instanceof Integer i ? (Object) (long) i
                    : literal.value();
            case LogicalExpr.Cast cast -> eval(cast.input(), schema, row, group);
            case LogicalExpr.Binary binary -> {
                Object left = eval(binary.left(), schema, row, group);
                Object right = eval(binary.right(), schema, row, group);
                yield switch (binary.operator()) {
                    case AND -> Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right) ? Boolean.FALSE
                            : left == null || right == null ? null : Boolean.TRUE;
                    case OR -> Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right) ? Boolean.TRUE
                            : left == null || right == null ? null : Boolean.FALSE;
                    case ADD -> left == null || right == null ? null : (long) left + (long) right;
                    case SUBTRACT -> left == null || right == null ? null : (long) left - (long) right;
                    case MULTIPLY -> left == null || right == null ? null : (long) left * (long) right;
                    case EQUAL, NOT_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> {
                        if (left == null || right == null) {
                            yield null;
                        }
                        int order = ((Comparable) left).compareTo(right);
                        yield switch (binary.operator()) {
                            case EQUAL -> order == 0;
                            case NOT_EQUAL -> order != 0;
                            case LESS -> order < 0;
                            case LESS_EQUAL -> order <= 0;
                            case GREATER -> order > 0;
                            default -> order >= 0;
                        };
                    }
                    default -> throw new UnsupportedOperationException(binary.operator().name());
                };
            }
            case LogicalExpr.Function function -> {
                Object input = eval(function.arguments().getFirst(), schema, row, group);
                ScalarFunction kind = function.function();
                if (kind instanceof ScalarFunction.Not) {
                    yield input == null ? null : !(Boolean) input;
                }
                if (kind instanceof ScalarFunction.IsNull) {
                    yield input == null;
                }
                if (kind instanceof ScalarFunction.IsIn isIn) {
                    yield input == null ? null : isIn.values().contains(input);
                }
                if (kind instanceof ScalarFunction.IsBetween between) {
                    Object lower = eval(function.arguments().get(1), schema, row, group);
                    Object upper = eval(function.arguments().get(2), schema, row, group);
                    if (input == null || lower == null || upper == null) {
                        yield null;
                    }
                    int low = ((Comparable) input).compareTo(lower);
                    int high = ((Comparable) input).compareTo(upper);
                    yield (between.closed().includesLower() ? low >= 0 : low > 0)
                            && (between.closed().includesUpper() ? high <= 0 : high < 0);
                }
                throw new UnsupportedOperationException(kind.name());
            }
            case LogicalExpr.Aggregate aggregate -> {
                if (aggregate.function() instanceof AggregateFunction.Len) {
                    yield (long) group.size();
                }
                if (aggregate.function() instanceof AggregateFunction.Sum) {
                    long sum = 0;
                    for (List<Object> member : group) {
                        Object value = eval(aggregate.input(), schema, member, null);
                        sum += value == null ? 0 : (long) value;
                    }
                    yield sum;
                }
                throw new UnsupportedOperationException(aggregate.function().name());
            }
            case LogicalExpr.Case caseExpr -> throw new UnsupportedOperationException("case");
            case LogicalExpr.Window window -> throw new UnsupportedOperationException("window");
        };
    }

    private List<List<Object>> aggregate(Aggregate aggregate) {
        Schema schema = aggregate.input().schema();
        Map<List<Object>, List<List<Object>>> groups = new LinkedHashMap<>();
        for (List<Object> row : run(aggregate.input())) {
            groups.computeIfAbsent(evalAll(aggregate.keys(), schema, row), k -> new ArrayList<>()).add(row);
        }
        if (aggregate.keys().isEmpty() && groups.isEmpty()) {
            groups.put(List.of(), List.of());
        }
        List<List<Object>> out = new ArrayList<>();
        groups.forEach((key, members) -> {
            List<Object> row = new ArrayList<>(key);
            for (NamedExpr expr : aggregate.aggregates()) {
                row.add(eval(expr.expr(), schema, members.isEmpty() ? null : members.getFirst(), members));
            }
            out.add(row);
        });
        return out;
    }

    private List<List<Object>> distinct(Distinct distinct) {
        Schema schema = distinct.input().schema();
        List<String> subset = distinct.subset() == null ? schema.names() : distinct.subset();
        Map<List<Object>, List<List<Object>>> groups = new LinkedHashMap<>();
        for (List<Object> row : run(distinct.input())) {
            groups.computeIfAbsent(select(schema, row, subset), k -> new ArrayList<>()).add(row);
        }
        List<List<Object>> out = new ArrayList<>();
        for (List<List<Object>> members : groups.values()) {
            if (distinct.keep() == UniqueKeep.NONE) {
                if (members.size() == 1) {
                    out.add(members.getFirst());
                }
            } else {
                out.add(distinct.keep() == UniqueKeep.LAST ? members.getLast() : members.getFirst());
            }
        }
        return out;
    }

    private List<List<Object>> join(Join join) {
        Schema leftSchema = join.left().schema();
        Schema rightSchema = join.right().schema();
        List<List<Object>> left = run(join.left());
        List<List<Object>> right = run(join.right());
        JoinColumns columns = JoinColumns.of(join);
        List<List<Object>> out = new ArrayList<>();
        Set<Integer> matchedRight = new HashSet<>();
        for (List<Object> l : left) {
            boolean matched = false;
            for (int r = 0; r < right.size(); r++) {
                if (!keysMatch(join, leftSchema, l, rightSchema, right.get(r))) {
                    continue;
                }
                matched = true;
                matchedRight.add(r);
                if (join.type() != JoinType.SEMI && join.type() != JoinType.ANTI) {
                    out.add(combine(join, columns, leftSchema, l, rightSchema, right.get(r)));
                }
            }
            if (join.type() == JoinType.SEMI && matched || join.type() == JoinType.ANTI && !matched) {
                out.add(l);
            }
            if (!matched && (join.type() == JoinType.LEFT || join.type() == JoinType.FULL)) {
                out.add(combine(join, columns, leftSchema, l, rightSchema, null));
            }
        }
        if (join.type() == JoinType.RIGHT || join.type() == JoinType.FULL) {
            for (int r = 0; r < right.size(); r++) {
                if (!matchedRight.contains(r)) {
                    out.add(combine(join, columns, leftSchema, null, rightSchema, right.get(r)));
                }
            }
        }
        return out;
    }

    private static boolean keysMatch(Join join, Schema leftSchema, List<Object> l, Schema rightSchema,
            List<Object> r) {
        for (int i = 0; i < join.leftKeys().size(); i++) {
            Object a = eval(join.leftKeys().get(i), leftSchema, l, null);
            Object b = eval(join.rightKeys().get(i), rightSchema, r, null);
            if (a == null || !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> combine(Join join, JoinColumns columns, Schema leftSchema, List<Object> l,
            Schema rightSchema, List<Object> r) {
        List<Object> out = new ArrayList<>();
        for (JoinColumns.Origin origin : columns.origins()) {
            if (origin.fromLeft()) {
                out.add(l == null ? null : l.get(leftSchema.indexOf(origin.inputName())));
            } else {
                out.add(r == null ? null : r.get(rightSchema.indexOf(origin.inputName())));
            }
        }
        return out;
    }
}
