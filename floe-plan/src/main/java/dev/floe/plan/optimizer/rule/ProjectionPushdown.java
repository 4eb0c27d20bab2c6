package dev.floe.plan.optimizer.rule;

import dev.floe.core.FloeException;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.JoinColumns;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Transformed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code push_down_projections}: computes the columns each node's parent reads and prunes everything else:
 * scans read only needed columns ({@code Scan.projection}; columns only the scan predicate reads stay out,
 * the scan reads those itself), in-memory sources get a Project, unread WithColumns expressions and
 * aggregations are dropped. The root keeps all its columns. A pruned input keeps the order of its remaining
 * columns. Nothing is pruned below a Cache (its users may need different columns), a Distinct without subset
 * or a Sink; a node that needs no column of its input still keeps one, so row counts survive.
 */
public final class ProjectionPushdown implements OptimizerRule {
    @Override
    public String name() {
        return "push_down_projections";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        Schema schema = plan.schema();
        LogicalPlan pruned = prune(plan, new HashSet<>(schema.names()));
        if (!pruned.schema().equals(schema)) {
            pruned = selectExactly(pruned, schema.names());
        }
        return Transformed.compare(plan, pruned);
    }

    /** The plan producing at least {@code required} (a subset of its columns), other columns pruned where possible. */
    private static LogicalPlan prune(LogicalPlan plan, Set<String> required) {
        return switch (plan) {
            case Scan scan -> {
                List<String> keep = keepInOrder(scan.schema(), required);
                yield keep.equals(scan.schema().names()) ? scan : scan.withProjection(keep);
            }
            case InMemory memory -> {
                List<String> keep = keepInOrder(memory.schema(), required);
                yield keep.size() == memory.schema().size() ? memory : selectExactly(memory, keep);
            }
            case Filter filter -> {
                Set<String> needed = new HashSet<>(required);
                Expressions.collectColumns(filter.predicate(), needed);
                yield filter.withInputs(List.of(prune(filter.input(), needed)));
            }
            case Project project -> {
                List<NamedExpr> kept = atLeastOne(project.exprs().stream().filter(e -> required.contains(e.name()))
                        .toList(), project.exprs());
                Set<String> needed = new HashSet<>();
                kept.forEach(e -> Expressions.collectColumns(e.expr(), needed));
                yield new Project(prune(project.input(), needed), kept);
            }
            case WithColumns withColumns -> pruneWithColumns(withColumns, required);
            case Aggregate aggregate -> {
                List<NamedExpr> kept = aggregate.aggregates().stream().filter(e -> required.contains(e.name()))
                        .toList();
                if (aggregate.keys().isEmpty()) {
                    kept = atLeastOne(kept, aggregate.aggregates());
                }
                Set<String> needed = new HashSet<>();
                aggregate.keys().forEach(e -> Expressions.collectColumns(e.expr(), needed));
                kept.forEach(e -> Expressions.collectColumns(e.expr(), needed));
                yield new Aggregate(prune(aggregate.input(), needed), aggregate.keys(), kept,
                        aggregate.maintainOrder());
            }
            case Join join -> pruneJoin(join, required);
            case Sort sort -> {
                Set<String> needed = new HashSet<>(required);
                for (SortKey key : sort.keys()) {
                    Expressions.collectColumns(key.expr(), needed);
                }
                yield sort.withInputs(List.of(prune(sort.input(), needed)));
            }
            case Slice slice -> slice.withInputs(List.of(prune(slice.input(), required)));
            case Distinct distinct -> {
                if (distinct.subset() == null) {
                    yield distinct.withInputs(List.of(prune(distinct.input(), allOf(distinct.input()))));
                }
                Set<String> needed = new HashSet<>(required);
                needed.addAll(distinct.subset());
                yield distinct.withInputs(List.of(prune(distinct.input(), needed)));
            }
            case Union union -> {
                List<String> keep = keepInOrder(union.schema(), required);
                List<LogicalPlan> inputs = new ArrayList<>();
                for (LogicalPlan input : union.inputs()) {
                    LogicalPlan pruned = prune(input, new HashSet<>(keep));
                    inputs.add(pruned.schema().names().equals(keep) ? pruned : selectExactly(pruned, keep));
                }
                yield new Union(inputs);
            }
            case RowIndex rowIndex -> {
                Set<String> needed = new HashSet<>(required);
                needed.remove(rowIndex.name());
                yield rowIndex.withInputs(List.of(prune(rowIndex.input(), needed)));
            }
            case Cache cache -> cache.withInputs(List.of(prune(cache.input(), allOf(cache.input()))));
            case Sink sink -> sink.withInputs(List.of(prune(sink.input(), allOf(sink.input()))));
        };
    }

    /** The kept expressions, or the first of all when none is kept (an output needs a column). */
    private static List<NamedExpr> atLeastOne(List<NamedExpr> kept, List<NamedExpr> all) {
        return kept.isEmpty() && !all.isEmpty() ? List.of(all.getFirst()) : kept;
    }

    private static Set<String> allOf(LogicalPlan plan) {
        return new HashSet<>(plan.schema().names());
    }

    /** The required columns in schema order; the first column when none is required (row counts must survive). */
    private static List<String> keepInOrder(Schema schema, Set<String> required) {
        List<String> keep = new ArrayList<>();
        for (Field field : schema.fields()) {
            if (required.contains(field.name())) {
                keep.add(field.name());
            }
        }
        if (keep.isEmpty() && schema.size() > 0) {
            keep.add(schema.field(0).name());
        }
        return keep;
    }

    private static LogicalPlan selectExactly(LogicalPlan plan, List<String> names) {
        Schema schema = plan.schema();
        List<NamedExpr> exprs = new ArrayList<>();
        for (String name : names) {
            exprs.add(NamedExpr.column(name, schema.field(name).type()));
        }
        return new Project(plan, exprs);
    }

    private static LogicalPlan pruneWithColumns(WithColumns withColumns, Set<String> required) {
        List<NamedExpr> kept = withColumns.exprs().stream().filter(e -> required.contains(e.name())).toList();
        Set<String> needed = new HashSet<>(required);
        kept.forEach(e -> needed.remove(e.name()));
        Schema inputSchema = withColumns.input().schema();
        needed.removeIf(name -> !inputSchema.contains(name));
        kept.forEach(e -> Expressions.collectColumns(e.expr(), needed));
        LogicalPlan input = prune(withColumns.input(), needed);
        return kept.isEmpty() ? input : new WithColumns(input, kept);
    }

    private static LogicalPlan pruneJoin(Join join, Set<String> required) {
        JoinColumns columns = JoinColumns.of(join);
        Set<String> leftNeeded = new HashSet<>();
        Set<String> rightNeeded = new HashSet<>();
        for (String name : required) {
            JoinColumns.Origin origin = columns.origin(name);
            if (origin != null) {
                (origin.fromLeft() ? leftNeeded : rightNeeded).add(origin.inputName());
            }
        }
        join.leftKeys().forEach(k -> Expressions.collectColumns(k, leftNeeded));
        join.rightKeys().forEach(k -> Expressions.collectColumns(k, rightNeeded));
        Set<String> rightNames = new HashSet<>(join.right().schema().names());
        for (String name : join.left().schema().names()) {
            if (rightNames.contains(name) || name.endsWith(join.suffix())) {
                leftNeeded.add(name);
            }
        }
        Join pruned;
        try {
            pruned = new Join(prune(join.left(), leftNeeded), prune(join.right(), rightNeeded), join.type(),
                    join.leftKeys(), join.rightKeys(), join.suffix());
        } catch (FloeException e) {
            pruned = null;
        }
        if (pruned == null || !sameOrigins(columns, JoinColumns.of(pruned), required)) {
            return join.withInputs(List.of(prune(join.left(), allOf(join.left())),
                    prune(join.right(), allOf(join.right()))));
        }
        return pruned;
    }

    /** Whether every required output column still comes from the same input column under the same name. */
    private static boolean sameOrigins(JoinColumns before, JoinColumns after, Set<String> required) {
        for (String name : required) {
            JoinColumns.Origin origin = before.origin(name);
            if (origin != null && !origin.equals(after.origin(name))) {
                return false;
            }
        }
        return true;
    }
}
