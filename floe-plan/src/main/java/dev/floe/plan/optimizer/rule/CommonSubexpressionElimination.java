package dev.floe.plan.optimizer.rule;

import dev.floe.core.types.Schema;
import dev.floe.plan.expr.LogicalExpr;
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
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.Transformed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code eliminate_common_subexpressions}: a non-trivial row-wise subexpression (not a column, a literal or
 * a cast of one; no windows or aggregations inside) that occurs more than once among the expressions of a
 * Project, a WithColumns, or the inputs of an Aggregate's aggregations and keys is computed once in a
 * WithColumns below, as {@code __floe_cse_N}, and referenced by name. A Project drops the helper columns by
 * itself; a WithColumns gets a Project above it restoring its columns; an Aggregate outputs only its keys
 * and aggregations.
 */
public final class CommonSubexpressionElimination implements OptimizerRule {
    static final String PREFIX = "__floe_cse_";

    @Override
    public String name() {
        return "eliminate_common_subexpressions";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        return Transformed.compare(plan, Plans.transformUp(plan, CommonSubexpressionElimination::rewriteNode));
    }

    private static LogicalPlan rewriteNode(LogicalPlan plan) {
        return switch (plan) {
            case Project project -> {
                Extraction extraction = Extraction.of(project.input().schema(), project.exprs());
                yield extraction == null ? project
                        : new Project(extraction.below(project.input()), extraction.rewritten());
            }
            case WithColumns withColumns -> {
                Extraction extraction = Extraction.of(withColumns.input().schema(), withColumns.exprs());
                if (extraction == null) {
                    yield withColumns;
                }
                WithColumns rewritten = new WithColumns(extraction.below(withColumns.input()), extraction.rewritten());
                List<NamedExpr> columns = new ArrayList<>();
                withColumns.schema().fields().forEach(f -> columns.add(NamedExpr.column(f.name(), f.type())));
                yield new Project(rewritten, columns);
            }
            case Aggregate aggregate -> {
                List<NamedExpr> all = new ArrayList<>(aggregate.keys());
                all.addAll(aggregate.aggregates());
                Extraction extraction = Extraction.of(aggregate.input().schema(), all);
                if (extraction == null) {
                    yield aggregate;
                }
                List<NamedExpr> rewritten = extraction.rewritten();
                int keyCount = aggregate.keys().size();
                yield new Aggregate(extraction.below(aggregate.input()), rewritten.subList(0, keyCount),
                        rewritten.subList(keyCount, rewritten.size()), aggregate.maintainOrder());
            }
            case Scan _, InMemory _, Filter _, Join _, Sort _, Slice _, Distinct _, Union _, RowIndex _,
                    Cache _, Sink _ -> plan;
        };
    }

    /** The repeated subexpressions found in a list of expressions and the list rewritten to reference them. */
    private record Extraction(List<NamedExpr> helpers, List<NamedExpr> rewritten) {
        LogicalPlan below(LogicalPlan input) {
            return new WithColumns(input, helpers);
        }

        static Extraction of(Schema inputSchema, List<NamedExpr> exprs) {
            Map<LogicalExpr, Integer> counts = new HashMap<>();
            for (NamedExpr expr : exprs) {
                count(expr.expr(), counts);
            }
            Set<LogicalExpr> repeated = new HashSet<>();
            counts.forEach((expr, count) -> {
                if (count > 1) {
                    repeated.add(expr);
                }
            });
            if (repeated.isEmpty()) {
                return null;
            }
            Set<String> taken = new HashSet<>(inputSchema.names());
            exprs.forEach(e -> taken.add(e.name()));
            Map<LogicalExpr, String> names = new LinkedHashMap<>();
            int[] next = {0};
            List<NamedExpr> rewritten = new ArrayList<>();
            for (NamedExpr expr : exprs) {
                rewritten.add(new NamedExpr(expr.name(), replace(expr.expr(), repeated, names, taken, next)));
            }
            List<NamedExpr> helpers = new ArrayList<>();
            names.forEach((expr, name) -> helpers.add(new NamedExpr(name, expr)));
            return new Extraction(helpers, rewritten);
        }

        /** Counts row-wise candidates; inside an aggregation only its input is row-wise. */
        private static void count(LogicalExpr expr, Map<LogicalExpr, Integer> counts) {
            if (expr instanceof LogicalExpr.Window) {
                return;
            }
            if (isCandidate(expr)) {
                counts.merge(expr, 1, Integer::sum);
            }
            for (LogicalExpr child : expr.children()) {
                count(child, counts);
            }
        }

        private static boolean isCandidate(LogicalExpr expr) {
            return !Expressions.isCheap(expr) && !Expressions.dependsOnOtherRows(expr);
        }

        private static LogicalExpr replace(LogicalExpr expr, Set<LogicalExpr> repeated, Map<LogicalExpr, String> names,
                Set<String> taken, int[] next) {
            if (expr instanceof LogicalExpr.Window) {
                return expr;
            }
            if (repeated.contains(expr)) {
                String name = names.computeIfAbsent(expr, e -> freshName(taken, next));
                return new LogicalExpr.Column(name, expr.type());
            }
            List<LogicalExpr> children = expr.children();
            if (children.isEmpty()) {
                return expr;
            }
            List<LogicalExpr> replaced = new ArrayList<>(children.size());
            for (LogicalExpr child : children) {
                replaced.add(replace(child, repeated, names, taken, next));
            }
            return replaced.equals(children) ? expr : expr.withChildren(replaced);
        }

        private static String freshName(Set<String> taken, int[] next) {
            String name;
            do {
                name = PREFIX + next[0]++;
            } while (!taken.add(name));
            return name;
        }
    }
}
