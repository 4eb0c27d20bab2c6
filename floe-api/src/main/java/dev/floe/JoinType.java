package dev.floe;

/** How {@link LazyFrame#join} combines rows, as Polars' {@code how}. */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI, CROSS;

    dev.floe.plan.logical.JoinType toPlan() {
        return dev.floe.plan.logical.JoinType.valueOf(name());
    }
}
