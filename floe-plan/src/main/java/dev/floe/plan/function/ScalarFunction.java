package dev.floe.plan.function;

import java.util.List;
import java.util.Objects;

/**
 * The row-wise functions of expressions, with their constant parameters. The same records appear in what the
 * user wrote (DSL) and in resolved logical expressions; the arguments are the expression's inputs. Adding a
 * function means a record here, its type rule in {@code FunctionTypes}, and its kernel in the executor; every
 * exhaustive switch over this interface names the places that must handle it.
 */
public sealed interface ScalarFunction {
    /** Polars' name of the function, as shown by explain (e.g. {@code str.contains}). */
    String name();

    // ---- null handling and logic ----
    record IsNull() implements ScalarFunction {
        public String name() { return "is_null"; }
    }

    record IsNotNull() implements ScalarFunction {
        public String name() { return "is_not_null"; }
    }

    /** {@code fill_null(value)}: argument 0 is the input, argument 1 the fill value. */
    record FillNull() implements ScalarFunction {
        public String name() { return "fill_null"; }
    }

    record Not() implements ScalarFunction {
        public String name() { return "not"; }
    }

    record Negate() implements ScalarFunction {
        public String name() { return "neg"; }
    }

    /** Membership in a constant list (values as Java objects of the input's type; null never matches). */
    record IsIn(List<Object> values) implements ScalarFunction {
        public IsIn {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }

        public String name() { return "is_in"; }
    }

    /** {@code is_between(lower, upper, closed)}: arguments input, lower, upper. */
    record IsBetween(ClosedInterval closed) implements ScalarFunction {
        public IsBetween {
            Objects.requireNonNull(closed, "closed");
        }

        public String name() { return "is_between"; }
    }

    // ---- numeric ----
    record Abs() implements ScalarFunction {
        public String name() { return "abs"; }
    }

    record Sqrt() implements ScalarFunction {
        public String name() { return "sqrt"; }
    }

    /** Round half away from zero to {@code decimals} places (Polars' default). */
    record Round(int decimals) implements ScalarFunction {
        public Round {
            if (decimals < 0) {
                throw dev.floe.core.FloeException.invalidArgument("round() takes 0 or more decimals, got " + decimals);
            }
        }

        public String name() { return "round"; }
    }

    // ---- strings ----
    /** Regular expression search, or a plain substring search when {@code literal}. */
    record StrContains(String pattern, boolean literal) implements ScalarFunction {
        public StrContains {
            Objects.requireNonNull(pattern, "pattern");
        }

        public String name() { return "str.contains"; }
    }

    record StrStartsWith(String prefix) implements ScalarFunction {
        public StrStartsWith {
            Objects.requireNonNull(prefix, "prefix");
        }

        public String name() { return "str.starts_with"; }
    }

    record StrEndsWith(String suffix) implements ScalarFunction {
        public StrEndsWith {
            Objects.requireNonNull(suffix, "suffix");
        }

        public String name() { return "str.ends_with"; }
    }

    /** Characters from {@code offset} (negative counts from the end), {@code length} of them or to the end when null. */
    record StrSlice(long offset, Long length) implements ScalarFunction {
        public StrSlice {
            if (length != null && length < 0) {
                throw dev.floe.core.FloeException.invalidArgument("str.slice length must be >= 0, got " + length);
            }
        }

        public String name() { return "str.slice"; }
    }

    record StrLenChars() implements ScalarFunction {
        public String name() { return "str.len_chars"; }
    }

    record StrToUppercase() implements ScalarFunction {
        public String name() { return "str.to_uppercase"; }
    }

    record StrToLowercase() implements ScalarFunction {
        public String name() { return "str.to_lowercase"; }
    }

    /** Replace the first match ({@code all} false) or every match of a regex or literal pattern. */
    record StrReplace(String pattern, String replacement, boolean literal, boolean all) implements ScalarFunction {
        public StrReplace {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(replacement, "replacement");
        }

        public String name() { return all ? "str.replace_all" : "str.replace"; }
    }

    // ---- temporal ----
    record Year() implements ScalarFunction {
        public String name() { return "dt.year"; }
    }

    record Month() implements ScalarFunction {
        public String name() { return "dt.month"; }
    }

    record Day() implements ScalarFunction {
        public String name() { return "dt.day"; }
    }

    /** ISO weekday: Monday 1 .. Sunday 7. */
    record Weekday() implements ScalarFunction {
        public String name() { return "dt.weekday"; }
    }

    record Quarter() implements ScalarFunction {
        public String name() { return "dt.quarter"; }
    }

    /** Day of the year, 1..366. */
    record OrdinalDay() implements ScalarFunction {
        public String name() { return "dt.ordinal_day"; }
    }
}
