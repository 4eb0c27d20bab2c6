package dev.floe;

import dev.floe.plan.dsl.DslPlan;
import java.util.List;

/** {@code lazy_frame.group_by(keys)} waiting for its aggregations, as Polars' {@code LazyGroupBy}. */
public final class GroupBy {
    private final LazyFrame input;
    private final List<dev.floe.plan.dsl.Expr> keys;
    private final boolean maintainOrder;

    GroupBy(LazyFrame input, List<dev.floe.plan.dsl.Expr> keys, boolean maintainOrder) {
        this.input = input;
        this.keys = List.copyOf(keys);
        this.maintainOrder = maintainOrder;
    }

    /** One row per group: the keys, then each aggregation. */
    public LazyFrame agg(Expr... aggregations) {
        return new LazyFrame(new DslPlan.GroupBy(input.plan(), keys, Expr.nodes(aggregations), maintainOrder));
    }

    /** The number of rows per group, named {@code len}. */
    public LazyFrame len() {
        return agg(Floe.len());
    }

    /** Non-null values of every other column per group. */
    public LazyFrame count() {
        return agg(Floe.all().count());
    }

    public LazyFrame sum() {
        return agg(Floe.all().sum());
    }

    public LazyFrame mean() {
        return agg(Floe.all().mean());
    }

    public LazyFrame min() {
        return agg(Floe.all().min());
    }

    public LazyFrame max() {
        return agg(Floe.all().max());
    }
}
