package dev.floe.plan.logical;

/** How a join combines rows, as Polars' {@code how}. */
public enum JoinType {
    INNER, LEFT, RIGHT, FULL, SEMI, ANTI, CROSS;

    public String polarsName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
