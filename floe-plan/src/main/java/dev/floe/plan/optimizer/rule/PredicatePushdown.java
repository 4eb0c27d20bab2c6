package dev.floe.plan.optimizer.rule;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
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
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.JoinColumns;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.Transformed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code push_down_predicates}: splits filters into conjuncts and moves each as close to the data as its
 * meaning allows, ending in the scan's predicate where possible.
 * <ul>
 * <li>Through Project/WithColumns (column references replaced by the computed expressions when those are
 * cheap: columns, literals, casts of them), never through nodes computing windows.</li>
 * <li>Joins: inner and cross to both sides, left to the left side, right to the right side, semi and anti
 * to the left; full joins and predicates over both sides stay above. A predicate over plain join keys is also
 * applied to the other side's keys where that side only contributes matches, so both scans can prune.</li>
 * <li>Aggregate: conjuncts reading only group keys that are plain columns. Union: into every input. Sort
 * without limit. Distinct: conjuncts reading only its subset columns (all columns when no subset).</li>
 * <li>Never through Slice, top-k Sort, RowIndex (row numbers would change), Cache (shared) or a filter
 * whose own predicate uses windows; never into a scan with a limit (the limit applies after its predicate).</li>
 * </ul>
 * Conjuncts that read other rows (windows, aggregations) are never moved.
 */
public final class PredicatePushdown implements OptimizerRule {
    @Override
    public String name() {
        return "push_down_predicates";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        return Transformed.compare(plan, push(plan, List.of()));
    }

    private static LogicalPlan push(LogicalPlan plan, List<LogicalExpr> pending) {
        return switch (plan) {
            case Filter filter -> {
                if (Expressions.dependsOnOtherRows(filter.predicate())) {
                    yield stop(filter, pending);
                }
                List<LogicalExpr> all = new ArrayList<>(pending);
                for (LogicalExpr conjunct : Expressions.conjuncts(filter.predicate())) {
                    if (!all.contains(conjunct)) {
                        all.add(conjunct);
                    }
                }
                yield push(filter.input(), all);
            }
            case Project project -> throughProjection(project, project.exprs(), Set.of(), pending);
            case WithColumns withColumns -> {
                Set<String> passThrough = new HashSet<>(withColumns.input().schema().names());
                withColumns.exprs().forEach(e -> passThrough.remove(e.name()));
                yield throughProjection(withColumns, withColumns.exprs(), passThrough, pending);
            }
            case Aggregate aggregate -> throughAggregate(aggregate, pending);
            case Join join -> throughJoin(join, pending);
            case Sort sort -> sort.limit() == -1 && !sortDependsOnOtherRows(sort)
                    ? sort.withInputs(List.of(push(sort.input(), pending))) : stop(sort, pending);
            case Distinct distinct -> {
                Set<String> subset = distinct.subset() == null ? new HashSet<>(distinct.schema().names())
                        : new HashSet<>(distinct.subset());
                List<LogicalExpr> below = new ArrayList<>();
                List<LogicalExpr> above = new ArrayList<>();
                for (LogicalExpr predicate : pending) {
                    (subset.containsAll(Expressions.columns(predicate)) ? below : above).add(predicate);
                }
                yield filterAbove(distinct.withInputs(List.of(push(distinct.input(), below))), above);
            }
            case Union union -> {
                List<LogicalPlan> inputs = new ArrayList<>();
                for (LogicalPlan input : union.inputs()) {
                    inputs.add(push(input, pending));
                }
                yield new Union(inputs);
            }
            case Scan scan -> {
                if (pending.isEmpty() || scan.limit() != -1) {
                    yield filterAbove(scan, pending);
                }
                List<LogicalExpr> predicates = new ArrayList<>();
                if (scan.predicate() != null) {
                    predicates.addAll(Expressions.conjuncts(scan.predicate()));
                }
                for (LogicalExpr predicate : pending) {
                    if (!predicates.contains(predicate)) {
                        predicates.add(predicate);
                    }
                }
                yield scan.withPredicate(Expressions.and(predicates));
            }
            case InMemory memory -> filterAbove(memory, pending);
            case Slice slice -> stop(slice, pending);
            case RowIndex rowIndex -> stop(rowIndex, pending);
            case Cache cache -> stop(cache, pending);
            case Sink sink -> stop(sink, pending);
        };
    }

    private static boolean sortDependsOnOtherRows(Sort sort) {
        return sort.keys().stream().anyMatch(key -> Expressions.dependsOnOtherRows(key.expr()));
    }

    /** The predicates stay above this node; its inputs are optimized on their own. */
    private static LogicalPlan stop(LogicalPlan plan, List<LogicalExpr> pending) {
        return filterAbove(Plans.withRewrittenInputs(plan, input -> push(input, List.of())), pending);
    }

    private static LogicalPlan filterAbove(LogicalPlan plan, List<LogicalExpr> predicates) {
        return predicates.isEmpty() ? plan : new Filter(plan, Expressions.and(predicates));
    }

    private static LogicalPlan throughProjection(LogicalPlan node, List<NamedExpr> exprs, Set<String> passThrough,
            List<LogicalExpr> pending) {
        LogicalPlan input = node.inputs().getFirst();
        if (exprs.stream().anyMatch(e -> Expressions.dependsOnOtherRows(e.expr()))) {
            return stop(node, pending);
        }
        Map<String, LogicalExpr> replacements = new HashMap<>();
        for (NamedExpr expr : exprs) {
            if (Expressions.isCheap(expr.expr())) {
                replacements.put(expr.name(), expr.expr());
            }
        }
        List<LogicalExpr> below = new ArrayList<>();
        List<LogicalExpr> above = new ArrayList<>();
        for (LogicalExpr predicate : pending) {
            boolean movable = true;
            for (String column : Expressions.columns(predicate)) {
                movable &= passThrough.contains(column) || replacements.containsKey(column);
            }
            if (movable) {
                below.add(Expressions.substitute(predicate, replacements));
            } else {
                above.add(predicate);
            }
        }
        return filterAbove(node.withInputs(List.of(push(input, below))), above);
    }

    private static LogicalPlan throughAggregate(Aggregate aggregate, List<LogicalExpr> pending) {
        Map<String, LogicalExpr> keyColumns = new HashMap<>();
        for (NamedExpr key : aggregate.keys()) {
            if (key.expr() instanceof LogicalExpr.Column) {
                keyColumns.put(key.name(), key.expr());
            }
        }
        List<LogicalExpr> below = new ArrayList<>();
        List<LogicalExpr> above = new ArrayList<>();
        for (LogicalExpr predicate : pending) {
            Set<String> columns = Expressions.columns(predicate);
            if (!columns.isEmpty() && keyColumns.keySet().containsAll(columns)) {
                below.add(Expressions.substitute(predicate, keyColumns));
            } else {
                above.add(predicate);
            }
        }
        return filterAbove(aggregate.withInputs(List.of(push(aggregate.input(), below))), above);
    }

    private static LogicalPlan throughJoin(Join join, List<LogicalExpr> pending) {
        JoinType type = join.type();
        boolean toLeft = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.LEFT
                || type == JoinType.SEMI || type == JoinType.ANTI;
        boolean toRight = type == JoinType.INNER || type == JoinType.CROSS || type == JoinType.RIGHT;
        JoinColumns columns = JoinColumns.of(join);
        List<LogicalExpr> left = new ArrayList<>();
        List<LogicalExpr> right = new ArrayList<>();
        List<LogicalExpr> above = new ArrayList<>();
        for (LogicalExpr predicate : pending) {
            Set<String> names = Expressions.columns(predicate);
            Map<String, LogicalExpr> leftNames = renames(columns, names, true);
            Map<String, LogicalExpr> rightNames = renames(columns, names, false);
            if (toLeft && !names.isEmpty() && leftNames != null) {
                LogicalExpr leftPredicate = Expressions.substitute(predicate, leftNames);
                addOnce(left, leftPredicate);
                addOnce(right, mirrorOnKeys(join, leftPredicate, true));
            } else if (toRight && !names.isEmpty() && rightNames != null) {
                LogicalExpr rightPredicate = Expressions.substitute(predicate, rightNames);
                addOnce(right, rightPredicate);
                addOnce(left, mirrorOnKeys(join, rightPredicate, false));
            } else {
                above.add(predicate);
            }
        }
        LogicalPlan rewritten = join.withInputs(List.of(push(join.left(), left), push(join.right(), right)));
        return filterAbove(rewritten, above);
    }

    /**
     * A predicate of one side that reads only plain key columns, restated over the other side's paired plain
     * keys, or null. Where only the other side's rows that match a kept row matter (left to right for inner,
     * left, semi and anti joins; right to left for inner and right joins), and matching rows have equal keys,
     * filtering the other side the same way changes nothing but the work.
     */
    private static LogicalExpr mirrorOnKeys(Join join, LogicalExpr predicate, boolean fromLeft) {
        JoinType type = join.type();
        boolean allowed = fromLeft
                ? type == JoinType.INNER || type == JoinType.LEFT || type == JoinType.SEMI || type == JoinType.ANTI
                : type == JoinType.INNER || type == JoinType.RIGHT;
        if (!allowed) {
            return null;
        }
        List<LogicalExpr> ownKeys = fromLeft ? join.leftKeys() : join.rightKeys();
        List<LogicalExpr> otherKeys = fromLeft ? join.rightKeys() : join.leftKeys();
        Map<String, LogicalExpr> toOther = new HashMap<>();
        for (int i = 0; i < ownKeys.size(); i++) {
            if (ownKeys.get(i) instanceof LogicalExpr.Column own && otherKeys.get(i) instanceof LogicalExpr.Column) {
                toOther.putIfAbsent(own.name(), otherKeys.get(i));
            }
        }
        if (!toOther.keySet().containsAll(Expressions.columns(predicate))) {
            return null;
        }
        return Expressions.substitute(predicate, toOther);
    }

    private static void addOnce(List<LogicalExpr> predicates, LogicalExpr predicate) {
        if (predicate != null && !predicates.contains(predicate)) {
            predicates.add(predicate);
        }
    }

    /** Output column references as one side's input columns, or null when a column is from the other side. */
    private static Map<String, LogicalExpr> renames(JoinColumns columns, Set<String> names, boolean fromLeft) {
        Map<String, LogicalExpr> renames = new HashMap<>();
        for (String name : names) {
            JoinColumns.Origin origin = columns.origin(name);
            if (origin == null || origin.fromLeft() != fromLeft) {
                return null;
            }
            renames.put(name, new LogicalExpr.Column(origin.inputName(), origin.type()));
        }
        return renames;
    }
}
