package dev.floe.plan.optimizer.rule;

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
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.Transformed;
import java.util.List;

/**
 * {@code simplify_expressions}: simplifies and constant-folds the expressions of every node (see
 * {@link ExpressionSimplifier}). A filter whose predicate becomes {@code true} is removed; one that becomes
 * {@code false} (or null) is kept as {@code Filter(false)}, which yields no rows and, pushed into a scan, lets
 * the reader skip everything. A scan predicate that becomes {@code true} is dropped. Join keys are never
 * rewritten (a key that became a plain column would change the join's output columns).
 */
public final class SimplifyExpressions implements OptimizerRule {
    @Override
    public String name() {
        return "simplify_expressions";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        return Transformed.compare(plan, Plans.transformUp(plan, SimplifyExpressions::simplifyNode));
    }

    private static LogicalPlan simplifyNode(LogicalPlan plan) {
        return switch (plan) {
            case Filter filter -> {
                LogicalExpr predicate = ExpressionSimplifier.simplifyPredicate(filter.predicate());
                if (Expressions.isTrue(predicate)) {
                    yield filter.input();
                }
                yield predicate.equals(filter.predicate()) ? filter : new Filter(filter.input(), predicate);
            }
            case Scan scan -> {
                if (scan.predicate() == null) {
                    yield scan;
                }
                LogicalExpr predicate = ExpressionSimplifier.simplifyPredicate(scan.predicate());
                if (Expressions.isTrue(predicate)) {
                    yield scan.withPredicate(null);
                }
                yield predicate.equals(scan.predicate()) ? scan : scan.withPredicate(predicate);
            }
            case Project project -> {
                List<NamedExpr> exprs = simplifyAll(project.exprs());
                yield exprs.equals(project.exprs()) ? project : new Project(project.input(), exprs);
            }
            case WithColumns withColumns -> {
                List<NamedExpr> exprs = simplifyAll(withColumns.exprs());
                yield exprs.equals(withColumns.exprs()) ? withColumns : new WithColumns(withColumns.input(), exprs);
            }
            case Aggregate aggregate -> {
                List<NamedExpr> keys = simplifyAll(aggregate.keys());
                List<NamedExpr> aggregates = simplifyAll(aggregate.aggregates());
                yield keys.equals(aggregate.keys()) && aggregates.equals(aggregate.aggregates()) ? aggregate
                        : new Aggregate(aggregate.input(), keys, aggregates, aggregate.maintainOrder());
            }
            case Sort sort -> {
                List<SortKey> keys = sort.keys().stream().map(key -> new SortKey(
                        ExpressionSimplifier.simplify(key.expr()), key.descending(), key.nullsLast())).toList();
                yield keys.equals(sort.keys()) ? sort : new Sort(sort.input(), keys, sort.maintainOrder(), sort.limit());
            }
            case InMemory memory -> memory;
            case Join join -> join;
            case Slice slice -> slice;
            case Distinct distinct -> distinct;
            case Union union -> union;
            case RowIndex rowIndex -> rowIndex;
            case Cache cache -> cache;
            case Sink sink -> sink;
        };
    }

    private static List<NamedExpr> simplifyAll(List<NamedExpr> exprs) {
        return exprs.stream().map(e -> new NamedExpr(e.name(), ExpressionSimplifier.simplify(e.expr()))).toList();
    }
}
