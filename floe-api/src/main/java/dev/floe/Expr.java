package dev.floe;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.plan.explain.ExprFormat;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.QuantileMethod;
import dev.floe.plan.function.ScalarFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A column expression, as Polars' {@code Expr}: immutable, built with {@link Floe#col}, {@link Floe#lit} and the
 * methods below (Polars' names in camelCase). Arguments typed {@code Object} take an {@code Expr} or a plain Java
 * value, which becomes a literal. Comparison methods follow Python Polars: {@code eq ne lt le gt ge}, with the
 * Rust names {@code neq ltEq gtEq} as synonyms.
 */
public final class Expr {
    private final dev.floe.plan.dsl.Expr node;

    Expr(dev.floe.plan.dsl.Expr node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The DSL node this expression records. */
    public dev.floe.plan.dsl.Expr node() {
        return node;
    }

    /** An Expr for a value: itself when it is one, else a literal. */
    static dev.floe.plan.dsl.Expr nodeOf(Object value) {
        return value instanceof Expr expr ? expr.node : new dev.floe.plan.dsl.Expr.Literal(value, null);
    }

    static List<dev.floe.plan.dsl.Expr> nodes(Expr... exprs) {
        List<dev.floe.plan.dsl.Expr> nodes = new ArrayList<>(exprs.length);
        for (Expr expr : exprs) {
            nodes.add(Objects.requireNonNull(expr, "expression").node);
        }
        return nodes;
    }

    private Expr binary(BinaryOperator operator, Object other) {
        return new Expr(new dev.floe.plan.dsl.Expr.Binary(operator, node, nodeOf(other)));
    }

    private Expr function(ScalarFunction function, Object... extraArguments) {
        List<dev.floe.plan.dsl.Expr> arguments = new ArrayList<>();
        arguments.add(node);
        for (Object argument : extraArguments) {
            arguments.add(nodeOf(argument));
        }
        return new Expr(new dev.floe.plan.dsl.Expr.Function(function, arguments));
    }

    /** The distinct values (Polars' {@code unique}); use it as a whole select expression: {@code select(col("a").unique())}. */
    public Expr unique() {
        return new Expr(new dev.floe.plan.dsl.Expr.Unique(node));
    }

    private Expr aggregate(AggregateFunction function) {
        return new Expr(new dev.floe.plan.dsl.Expr.Aggregation(function, node));
    }

    // ---- arithmetic ----
    public Expr add(Object other) { return binary(BinaryOperator.ADD, other); }

    public Expr sub(Object other) { return binary(BinaryOperator.SUBTRACT, other); }

    public Expr mul(Object other) { return binary(BinaryOperator.MULTIPLY, other); }

    /** True division: integers give Float64. */
    public Expr div(Object other) { return binary(BinaryOperator.TRUE_DIVIDE, other); }

    public Expr floorDiv(Object other) { return binary(BinaryOperator.FLOOR_DIVIDE, other); }

    public Expr mod(Object other) { return binary(BinaryOperator.MODULO, other); }

    public Expr pow(Object exponent) { return binary(BinaryOperator.POWER, exponent); }

    public Expr neg() { return function(new ScalarFunction.Negate()); }

    // ---- comparison ----
    public Expr eq(Object other) { return binary(BinaryOperator.EQUAL, other); }

    public Expr ne(Object other) { return binary(BinaryOperator.NOT_EQUAL, other); }

    public Expr neq(Object other) { return ne(other); }

    public Expr lt(Object other) { return binary(BinaryOperator.LESS, other); }

    public Expr le(Object other) { return binary(BinaryOperator.LESS_EQUAL, other); }

    public Expr ltEq(Object other) { return le(other); }

    public Expr gt(Object other) { return binary(BinaryOperator.GREATER, other); }

    public Expr ge(Object other) { return binary(BinaryOperator.GREATER_EQUAL, other); }

    public Expr gtEq(Object other) { return ge(other); }

    // ---- logic ----
    public Expr and(Object other) { return binary(BinaryOperator.AND, other); }

    public Expr or(Object other) { return binary(BinaryOperator.OR, other); }

    public Expr xor(Object other) { return binary(BinaryOperator.XOR, other); }

    public Expr not() { return function(new ScalarFunction.Not()); }

    // ---- nulls, membership, casts, names ----
    public Expr isNull() { return function(new ScalarFunction.IsNull()); }

    public Expr isNotNull() { return function(new ScalarFunction.IsNotNull()); }

    public Expr fillNull(Object value) { return function(new ScalarFunction.FillNull(), value); }

    public Expr isIn(List<?> values) {
        return function(new ScalarFunction.IsIn(new ArrayList<>(values)));
    }

    public Expr isIn(Object... values) {
        return isIn(Arrays.asList(values));
    }

    /** {@code lower <= this <= upper}. */
    public Expr isBetween(Object lower, Object upper) {
        return isBetween(lower, upper, ClosedInterval.BOTH);
    }

    public Expr isBetween(Object lower, Object upper, ClosedInterval closed) {
        return function(new ScalarFunction.IsBetween(closed), lower, upper);
    }

    /** A strict cast: values that do not convert are an error. */
    public Expr cast(DataType type) { return cast(type, true); }

    public Expr cast(DataType type, boolean strict) {
        return new Expr(new dev.floe.plan.dsl.Expr.Cast(node, type, strict));
    }

    public Expr alias(String name) {
        return new Expr(new dev.floe.plan.dsl.Expr.Alias(node, name));
    }

    /** {@code all().exclude(names)}: only valid on {@link Floe#all()}. */
    public Expr exclude(String... names) {
        if (!(node instanceof dev.floe.plan.dsl.Expr.All)) {
            throw FloeException.invalidArgument("exclude() applies to all(), not to " + this);
        }
        return new Expr(new dev.floe.plan.dsl.Expr.Exclude(List.of(names)));
    }

    // ---- numeric ----
    /** Round half away from zero to {@code decimals} places. */
    public Expr round(int decimals) { return function(new ScalarFunction.Round(decimals)); }

    public Expr abs() { return function(new ScalarFunction.Abs()); }

    public Expr sqrt() { return function(new ScalarFunction.Sqrt()); }

    // ---- aggregations ----
    public Expr sum() { return aggregate(new AggregateFunction.Sum()); }

    public Expr mean() { return aggregate(new AggregateFunction.Mean()); }

    public Expr min() { return aggregate(new AggregateFunction.Min()); }

    public Expr max() { return aggregate(new AggregateFunction.Max()); }

    /** Non-null values. */
    public Expr count() { return aggregate(new AggregateFunction.Count()); }

    /** Values, nulls included. */
    public Expr len() { return aggregate(new AggregateFunction.Len()); }

    public Expr nUnique() { return aggregate(new AggregateFunction.NUnique()); }

    public Expr first() { return aggregate(new AggregateFunction.First()); }

    public Expr last() { return aggregate(new AggregateFunction.Last()); }

    public Expr median() { return aggregate(new AggregateFunction.Median()); }

    /** Sample standard deviation (ddof 1). */
    public Expr std() { return std(1); }

    public Expr std(int ddof) { return aggregate(new AggregateFunction.Std(ddof)); }

    /** Sample variance (ddof 1). */
    public Expr var() { return var(1); }

    public Expr var(int ddof) { return aggregate(new AggregateFunction.Var(ddof)); }

    /** Quantile with Polars' default interpolation, nearest. */
    public Expr quantile(double quantile) { return quantile(quantile, QuantileMethod.NEAREST); }

    public Expr quantile(double quantile, QuantileMethod method) {
        return aggregate(new AggregateFunction.Quantile(quantile, method));
    }

    // ---- windows and namespaces ----
    public Expr over(Expr... partitionBy) {
        return new Expr(new dev.floe.plan.dsl.Expr.Window(node, nodes(partitionBy)));
    }

    public Expr over(String... partitionBy) {
        return over(Floe.columns(partitionBy));
    }

    /** String functions: {@code col("s").str().contains("x")}. */
    public StringFunctions str() { return new StringFunctions(this); }

    /** Date functions: {@code col("d").dt().year()}. */
    public TemporalFunctions dt() { return new TemporalFunctions(this); }

    Expr apply(ScalarFunction function) {
        return function(function);
    }

    /** Polars' printed form, e.g. {@code [(col("a")) + (dyn int: 1)]}. */
    @Override
    public String toString() {
        return ExprFormat.format(node);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Expr expr && expr.node.equals(node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }
}
