package dev.floe.plan.function;

/**
 * Functions that reduce a group of values to one, with their parameters. Null values are skipped except by
 * {@link Len} (every row) and {@link First}/{@link Last} (the first/last row, null or not, as in Polars).
 */
public sealed interface AggregateFunction {
    String name();

    record Sum() implements AggregateFunction {
        public String name() { return "sum"; }
    }

    record Mean() implements AggregateFunction {
        public String name() { return "mean"; }
    }

    record Min() implements AggregateFunction {
        public String name() { return "min"; }
    }

    record Max() implements AggregateFunction {
        public String name() { return "max"; }
    }

    /** Non-null values. */
    record Count() implements AggregateFunction {
        public String name() { return "count"; }
    }

    /** Rows, nulls included; takes no input expression when counting the group's rows ({@code len()}). */
    record Len() implements AggregateFunction {
        public String name() { return "len"; }
    }

    /** Distinct values, null counted as one value (as Polars does). */
    record NUnique() implements AggregateFunction {
        public String name() { return "n_unique"; }
    }

    record First() implements AggregateFunction {
        public String name() { return "first"; }
    }

    record Last() implements AggregateFunction {
        public String name() { return "last"; }
    }

    record Median() implements AggregateFunction {
        public String name() { return "median"; }
    }

    record Std(int ddof) implements AggregateFunction {
        public Std {
            if (ddof < 0) {
                throw dev.floe.core.FloeException.invalidArgument("std ddof must be >= 0, got " + ddof);
            }
        }

        public String name() { return "std"; }
    }

    record Var(int ddof) implements AggregateFunction {
        public Var {
            if (ddof < 0) {
                throw dev.floe.core.FloeException.invalidArgument("var ddof must be >= 0, got " + ddof);
            }
        }

        public String name() { return "var"; }
    }

    record Quantile(double quantile, QuantileMethod method) implements AggregateFunction {
        public Quantile {
            if (!(quantile >= 0 && quantile <= 1)) {
                throw dev.floe.core.FloeException.invalidArgument(
                        "quantile must be between 0 and 1, got " + quantile);
            }
            java.util.Objects.requireNonNull(method, "method");
        }

        public String name() { return "quantile"; }
    }
}
