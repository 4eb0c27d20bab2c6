package dev.floe;

import dev.floe.plan.function.ScalarFunction;

/** The {@code str} namespace of an expression: functions of String columns, as Polars' {@code Expr.str}. */
public final class StringFunctions {
    private final Expr input;

    StringFunctions(Expr input) {
        this.input = input;
    }

    /** Whether the value matches the regular expression {@code pattern}. */
    public Expr contains(String pattern) { return contains(pattern, false); }

    /** With {@code literal}, a plain substring search instead of a regular expression. */
    public Expr contains(String pattern, boolean literal) {
        return input.apply(new ScalarFunction.StrContains(pattern, literal));
    }

    public Expr startsWith(String prefix) { return input.apply(new ScalarFunction.StrStartsWith(prefix)); }

    public Expr endsWith(String suffix) { return input.apply(new ScalarFunction.StrEndsWith(suffix)); }

    /** Characters from {@code offset} (negative counts from the end) to the end. */
    public Expr slice(long offset) { return input.apply(new ScalarFunction.StrSlice(offset, null)); }

    public Expr slice(long offset, long length) { return input.apply(new ScalarFunction.StrSlice(offset, length)); }

    public Expr lenChars() { return input.apply(new ScalarFunction.StrLenChars()); }

    public Expr toUppercase() { return input.apply(new ScalarFunction.StrToUppercase()); }

    public Expr toLowercase() { return input.apply(new ScalarFunction.StrToLowercase()); }

    /** Replaces the first match of the regular expression. */
    public Expr replace(String pattern, String value) { return replace(pattern, value, false); }

    public Expr replace(String pattern, String value, boolean literal) {
        return input.apply(new ScalarFunction.StrReplace(pattern, value, literal, false));
    }

    /** Replaces every match of the regular expression. */
    public Expr replaceAll(String pattern, String value) { return replaceAll(pattern, value, false); }

    public Expr replaceAll(String pattern, String value, boolean literal) {
        return input.apply(new ScalarFunction.StrReplace(pattern, value, literal, true));
    }
}
