package dev.floe.exec.expr;

/** A literal value known at compile time, so kernels can use it as a scalar instead of a broadcast vector. */
public record Constant(boolean known, Object value) {
    public static final Constant NONE = new Constant(false, null);

    public static Constant of(Object value) {
        return new Constant(true, value);
    }
}
