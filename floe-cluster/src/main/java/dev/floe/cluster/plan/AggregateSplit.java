package dev.floe.cluster.plan;

import dev.floe.core.types.DataType;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits an aggregation into a partial step run on each partition before the shuffle and a final step that
 * combines the partial results after it: sum, count, len, min and max combine with sum/sum/sum/min/max, mean
 * travels as a sum and a count. An aggregation using anything else (median, n_unique, first, ...) does not
 * split; the planner then shuffles the raw rows and aggregates once.
 */
public record AggregateSplit(List<NamedExpr> partialAggregates, List<NamedExpr> finalAggregates) {
    private static final String PARTIAL_PREFIX = "__partial_";

    public AggregateSplit {
        partialAggregates = List.copyOf(partialAggregates);
        finalAggregates = List.copyOf(finalAggregates);
    }

    /** The split of {@code aggregate}, or empty when one of its functions does not decompose. */
    public static Optional<AggregateSplit> of(Aggregate aggregate) {
        Set<String> keyNames = new HashSet<>();
        for (NamedExpr key : aggregate.keys()) {
            keyNames.add(key.name());
        }
        List<NamedExpr> partials = new ArrayList<>();
        List<NamedExpr> finals = new ArrayList<>();
        for (NamedExpr named : aggregate.aggregates()) {
            LogicalExpr rewritten = rewrite(named.expr(), partials, keyNames);
            if (rewritten == null) {
                return Optional.empty();
            }
            finals.add(new NamedExpr(named.name(), rewritten));
        }
        return Optional.of(new AggregateSplit(partials, finals));
    }

    /** The partial aggregation over {@code input}, whose output the exchange shuffles by key. */
    public Aggregate partial(Aggregate original, LogicalPlan input) {
        return new Aggregate(input, original.keys(), partialAggregates, false);
    }

    /** The final aggregation over the shuffled partial rows; its schema is the original's. */
    public Aggregate finalStep(Aggregate original, LogicalPlan shuffled) {
        List<NamedExpr> keys = new ArrayList<>();
        for (NamedExpr key : original.keys()) {
            keys.add(NamedExpr.column(key.name(), key.expr().type()));
        }
        return new Aggregate(shuffled, keys, finalAggregates, false);
    }

    private static LogicalExpr rewrite(LogicalExpr expr, List<NamedExpr> partials, Set<String> keyNames) {
        return switch (expr) {
            case LogicalExpr.Aggregate aggregate -> combine(aggregate, partials);
            case LogicalExpr.Column column -> keyNames.contains(column.name()) ? column : null;
            case LogicalExpr.Window window -> null;
            case LogicalExpr.Literal literal -> literal;
            case LogicalExpr.Cast cast -> rewriteChildren(cast, partials, keyNames);
            case LogicalExpr.Binary binary -> rewriteChildren(binary, partials, keyNames);
            case LogicalExpr.Function function -> rewriteChildren(function, partials, keyNames);
            case LogicalExpr.Case caseExpr -> rewriteChildren(caseExpr, partials, keyNames);
        };
    }

    private static LogicalExpr rewriteChildren(LogicalExpr expr, List<NamedExpr> partials, Set<String> keyNames) {
        List<LogicalExpr> children = new ArrayList<>();
        for (LogicalExpr child : expr.children()) {
            LogicalExpr rewritten = rewrite(child, partials, keyNames);
            if (rewritten == null) {
                return null;
            }
            children.add(rewritten);
        }
        return expr.withChildren(children);
    }

    private static LogicalExpr combine(LogicalExpr.Aggregate aggregate, List<NamedExpr> partials) {
        DataType type = aggregate.type();
        return switch (aggregate.function()) {
            case AggregateFunction.Sum sum -> reaggregate(aggregate, new AggregateFunction.Sum(), partials);
            case AggregateFunction.Count count -> reaggregate(aggregate, new AggregateFunction.Sum(), partials);
            case AggregateFunction.Len len -> reaggregate(aggregate, new AggregateFunction.Sum(), partials);
            case AggregateFunction.Min min -> reaggregate(aggregate, new AggregateFunction.Min(), partials);
            case AggregateFunction.Max max -> reaggregate(aggregate, new AggregateFunction.Max(), partials);
            case AggregateFunction.Mean mean -> {
                LogicalExpr asDouble = new LogicalExpr.Cast(aggregate.input(), DataType.FLOAT64, false);
                LogicalExpr sum = reaggregate(new LogicalExpr.Aggregate(new AggregateFunction.Sum(), asDouble,
                        DataType.FLOAT64), new AggregateFunction.Sum(), partials);
                LogicalExpr count = reaggregate(new LogicalExpr.Aggregate(new AggregateFunction.Count(),
                        aggregate.input(), DataType.UINT32), new AggregateFunction.Sum(), partials);
                LogicalExpr countAsDouble = new LogicalExpr.Cast(count, DataType.FLOAT64, false);
                LogicalExpr noValues = new LogicalExpr.Binary(BinaryOperator.EQUAL, countAsDouble,
                        new LogicalExpr.Literal(0.0, DataType.FLOAT64), DataType.BOOLEAN);
                LogicalExpr quotient = new LogicalExpr.Binary(BinaryOperator.TRUE_DIVIDE, sum, countAsDouble,
                        DataType.FLOAT64);
                LogicalExpr mean64 = new LogicalExpr.Case(List.of(new LogicalExpr.WhenThen(noValues,
                        new LogicalExpr.Literal(null, DataType.FLOAT64))), quotient, DataType.FLOAT64);
                yield type.equals(DataType.FLOAT64) ? mean64 : new LogicalExpr.Cast(mean64, type, false);
            }
            case AggregateFunction.NUnique unique -> null;
            case AggregateFunction.First first -> null;
            case AggregateFunction.Last last -> null;
            case AggregateFunction.Median median -> null;
            case AggregateFunction.Std std -> null;
            case AggregateFunction.Var variance -> null;
            case AggregateFunction.Quantile quantile -> null;
        };
    }

    /** Adds {@code partial} as a partial column and returns {@code combiner(partial column)} for the final step. */
    private static LogicalExpr reaggregate(LogicalExpr.Aggregate partial, AggregateFunction combiner,
            List<NamedExpr> partials) {
        String name = PARTIAL_PREFIX + partials.size();
        partials.add(new NamedExpr(name, partial));
        return new LogicalExpr.Aggregate(combiner, new LogicalExpr.Column(name, partial.type()), partial.type());
    }
}
