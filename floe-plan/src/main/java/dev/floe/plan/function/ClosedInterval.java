package dev.floe.plan.function;

/** Which ends of an interval are included, as in Polars' {@code closed} argument. */
public enum ClosedInterval {
    BOTH, LEFT, RIGHT, NONE;

    public boolean includesLower() {
        return this == BOTH || this == LEFT;
    }

    public boolean includesUpper() {
        return this == BOTH || this == RIGHT;
    }
}
