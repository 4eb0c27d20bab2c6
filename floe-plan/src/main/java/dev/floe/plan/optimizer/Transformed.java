package dev.floe.plan.optimizer;

import java.util.Objects;

/** A rewrite's result and whether it differs from the input, so drivers can stop at a fixed point. */
public record Transformed<T>(T value, boolean changed) {
    public Transformed {
        Objects.requireNonNull(value, "value");
    }

    public static <T> Transformed<T> no(T value) {
        return new Transformed<>(value, false);
    }

    public static <T> Transformed<T> yes(T value) {
        return new Transformed<>(value, true);
    }

    /** Changed when {@code after} is not equal to {@code before}. */
    public static <T> Transformed<T> compare(T before, T after) {
        return new Transformed<>(after, !before.equals(after));
    }
}
