package dev.floe.plan.optimizer.rule;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.RowCountSource;
import dev.floe.plan.optimizer.Transformed;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code reduce_aggregate_by_semi_join}: when a join drops every group of an aggregate whose key has no match on
 * the other side, and that side is selectively filtered and much smaller than the aggregate's input, the
 * aggregate's input is first semi-joined with the other side's keys, so only the groups that can match are built
 * (PDS-H q20: the 1994 line items of a few 'forest' parts' suppliers instead of every (part, supplier) pair). The
 * other side is computed once, shared through a {@link Cache}:
 * <pre>
 * Join(small, Aggregate(big, keys), a = k)
 *   → Join(Cache(small), Aggregate(Join(big, Project(Cache(small), [a]), k = a, SEMI), keys), a = k)
 * </pre>
 * It applies to inner joins (the aggregate on either side) and to left and semi joins with the aggregate on the
 * right, when every key on the aggregate's side is a group key that passes an input column through unchanged
 * (filters on the aggregate's output may sit in between). Keys without a match never reach the output of these
 * joins, and a group's rows all have its key, so the result is the same. It runs after common subplan elimination
 * and leaves aggregates inside a Cache alone (they are shared with other consumers).
 */
public final class SemiJoinReduction implements OptimizerRule {
    /** The other side's filters must keep at most this fraction of its rows (a selective filter). */
    static final double MAXIMUM_KEPT_FRACTION = 0.1;
    /** The other side must be estimated at most this fraction of the aggregate's input rows. */
    static final double MAXIMUM_SIZE_RATIO = 0.5;

    private final RowCountSource rowCounts;

    public SemiJoinReduction(RowCountSource rowCounts) {
        this.rowCounts = rowCounts;
    }

    @Override
    public String name() {
        return "reduce_aggregate_by_semi_join";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        CardinalityEstimator estimator = new CardinalityEstimator(rowCounts.memoized());
        int[] nextId = {largestCacheId(plan) + 1};
        return Transformed.compare(plan, Plans.transformUp(plan, node -> rewriteNode(node, estimator, nextId)));
    }

    private static LogicalPlan rewriteNode(LogicalPlan plan, CardinalityEstimator estimator, int[] nextId) {
        if (!(plan instanceof Join join)) {
            return plan;
        }
        boolean rightReducible = join.type() == JoinType.INNER || join.type() == JoinType.LEFT
                || join.type() == JoinType.SEMI;
        if (rightReducible) {
            LogicalPlan reduced = reduce(join.right(), join.rightKeys(), join.left(), join.leftKeys(), estimator,
                    nextId);
            if (reduced != null) {
                LogicalPlan shared = sharedOf(join.left(), reduced);
                return new Join(shared, reduced, join.type(), join.leftKeys(), join.rightKeys(), join.suffix());
            }
        }
        if (join.type() == JoinType.INNER) {
            LogicalPlan reduced = reduce(join.left(), join.leftKeys(), join.right(), join.rightKeys(), estimator,
                    nextId);
            if (reduced != null) {
                LogicalPlan shared = sharedOf(join.right(), reduced);
                return new Join(reduced, shared, join.type(), join.leftKeys(), join.rightKeys(), join.suffix());
            }
        }
        return plan;
    }

    /**
     * The aggregate side with its aggregate's input semi-joined with {@code other}'s keys, or null when the rule
     * does not apply.
     */
    private static LogicalPlan reduce(LogicalPlan side, List<LogicalExpr> sideKeys, LogicalPlan other,
            List<LogicalExpr> otherKeys, CardinalityEstimator estimator, int[] nextId) {
        List<Filter> filters = new ArrayList<>();
        LogicalPlan node = side;
        while (node instanceof Filter filter) {
            filters.add(filter);
            node = filter.input();
        }
        if (!(node instanceof Aggregate aggregate) || aggregate.keys().isEmpty()) {
            return null;
        }
        List<LogicalExpr> inputKeys = inputKeys(aggregate, sideKeys);
        List<NamedExpr> otherKeyColumns = keyColumns(otherKeys);
        if (inputKeys == null || otherKeyColumns == null || worthless(aggregate, other, estimator)) {
            return null;
        }
        LogicalPlan shared = other instanceof Cache ? other : new Cache(other, nextId[0]++);
        Project keys = new Project(shared, otherKeyColumns);
        List<LogicalExpr> keyRefs = new ArrayList<>();
        for (NamedExpr column : otherKeyColumns) {
            keyRefs.add(new LogicalExpr.Column(column.name(), column.expr().type()));
        }
        Join semi = new Join(aggregate.input(), keys, JoinType.SEMI, inputKeys, keyRefs, "_right");
        LogicalPlan result = aggregate.withInputs(List.of(semi));
        for (int i = filters.size() - 1; i >= 0; i--) {
            result = filters.get(i).withInputs(List.of(result));
        }
        return result;
    }

    /** The input column each join key passes through as a group key, or null if a key is anything else. */
    private static List<LogicalExpr> inputKeys(Aggregate aggregate, List<LogicalExpr> sideKeys) {
        List<LogicalExpr> inputKeys = new ArrayList<>();
        for (LogicalExpr key : sideKeys) {
            if (!(key instanceof LogicalExpr.Column column)) {
                return null;
            }
            LogicalExpr source = null;
            for (NamedExpr groupKey : aggregate.keys()) {
                if (groupKey.name().equals(column.name()) && groupKey.expr() instanceof LogicalExpr.Column input
                        && input.type().equals(column.type())) {
                    source = input;
                }
            }
            if (source == null) {
                return null;
            }
            inputKeys.add(source);
        }
        return inputKeys;
    }

    /** The other side's keys as distinct plain columns, or null if one is an expression or repeated. */
    private static List<NamedExpr> keyColumns(List<LogicalExpr> keys) {
        List<NamedExpr> columns = new ArrayList<>();
        for (LogicalExpr key : keys) {
            if (!(key instanceof LogicalExpr.Column column)
                    || columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
                return null;
            }
            columns.add(NamedExpr.column(column.name(), column.type()));
        }
        return columns;
    }

    /**
     * Whether the semi join would not pay: the other side unfiltered, large, of unknown size, or computed from the
     * aggregate's own input (then every group matches anyway).
     */
    private static boolean worthless(Aggregate aggregate, LogicalPlan other, CardinalityEstimator estimator) {
        double otherRows = estimator.rows(other);
        double inputRows = estimator.rows(aggregate.input());
        if (otherRows < 0 || inputRows < 0 || otherRows > inputRows * MAXIMUM_SIZE_RATIO
                || CardinalityEstimator.keptFraction(other) > MAXIMUM_KEPT_FRACTION + 1e-9) {
            return true;
        }
        LogicalPlan unwrapped = other instanceof Cache cache ? cache.input() : other;
        return contains(aggregate.input(), unwrapped) || contains(unwrapped, aggregate.input());
    }

    private static boolean contains(LogicalPlan plan, LogicalPlan part) {
        if (plan.equals(part)) {
            return true;
        }
        for (LogicalPlan input : plan.inputs()) {
            if (contains(input, part)) {
                return true;
            }
        }
        return false;
    }

    /** The other side as the reduced side's semi join reads it (the same Cache). */
    private static LogicalPlan sharedOf(LogicalPlan other, LogicalPlan reduced) {
        if (other instanceof Cache) {
            return other;
        }
        LogicalPlan node = reduced;
        while (node instanceof Filter filter) {
            node = filter.input();
        }
        Join semi = (Join) ((Aggregate) node).input();
        return ((Project) semi.right()).input();
    }

    private static int largestCacheId(LogicalPlan plan) {
        int largest = plan instanceof Cache cache ? cache.id() : -1;
        for (LogicalPlan input : plan.inputs()) {
            largest = Math.max(largest, largestCacheId(input));
        }
        return largest;
    }
}
