package dev.floe;

import dev.floe.plan.function.ScalarFunction;

/** The {@code dt} namespace of an expression: parts of Date and Datetime values, as Polars' {@code Expr.dt}. */
public final class TemporalFunctions {
    private final Expr input;

    TemporalFunctions(Expr input) {
        this.input = input;
    }

    /** Int32. */
    public Expr year() { return input.apply(new ScalarFunction.Year()); }

    /** 1..12, Int8. */
    public Expr month() { return input.apply(new ScalarFunction.Month()); }

    /** 1..31, Int8. */
    public Expr day() { return input.apply(new ScalarFunction.Day()); }

    /** ISO weekday, Monday 1 .. Sunday 7, Int8. */
    public Expr weekday() { return input.apply(new ScalarFunction.Weekday()); }

    /** 1..4, Int8. */
    public Expr quarter() { return input.apply(new ScalarFunction.Quarter()); }

    /** Day of the year 1..366, Int16. */
    public Expr ordinalDay() { return input.apply(new ScalarFunction.OrdinalDay()); }
}
