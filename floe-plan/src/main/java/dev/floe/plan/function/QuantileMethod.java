package dev.floe.plan.function;

/** How a quantile between two values is chosen, as Polars' {@code interpolation}. */
public enum QuantileMethod {
    NEAREST, LOWER, HIGHER, MIDPOINT, LINEAR
}
