package dev.floe.plan.explain;

import dev.floe.core.types.DataType;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.BinaryOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints expressions the way Polars does in plans and errors: {@code col("a")},
 * {@code [(col("a")) + (dyn int: 1)]}, {@code col("x").sum()}, {@code col("a").alias("b")}.
 */
public final class ExprFormat {
    private ExprFormat() {
    }

    /** A resolved expression. */
    public static String format(LogicalExpr expr) {
        return switch (expr) {
            case LogicalExpr.Column column -> "col(" + FunctionText.quote(column.name()) + ")";
            case LogicalExpr.Literal literal -> literal(literal.value(), literal.type());
            case LogicalExpr.Cast cast -> format(cast.input()) + (cast.strict() ? ".strict_cast(" : ".cast(")
                    + cast.type() + ")";
            case LogicalExpr.Binary binary -> binary(binary.operator(), format(binary.left()), format(binary.right()));
            case LogicalExpr.Function function -> {
                List<String> extra = new ArrayList<>();
                for (LogicalExpr argument : function.arguments().subList(1, function.arguments().size())) {
                    extra.add(format(argument));
                }
                yield format(function.arguments().getFirst()) + FunctionText.scalar(function.function(), extra);
            }
            case LogicalExpr.Case caseExpr -> {
                StringBuilder text = new StringBuilder();
                for (LogicalExpr.WhenThen branch : caseExpr.branches()) {
                    text.append(".when(").append(format(branch.condition())).append(").then(")
                            .append(format(branch.value())).append(")");
                }
                yield text.append(".otherwise(").append(format(caseExpr.otherwise())).append(")").substring(1);
            }
            case LogicalExpr.Aggregate aggregate -> aggregate.input() == null ? "len()"
                    : format(aggregate.input()) + FunctionText.aggregate(aggregate.function());
            case LogicalExpr.Window window -> format(window.function()) + ".over("
                    + window.partitionBy().stream().map(ExprFormat::format).collect(Collectors.joining(", ", "[", "]"))
                    + ")";
        };
    }

    /** A named expression: the expression, with {@code .alias(name)} when the name is not its natural one. */
    public static String format(NamedExpr named) {
        String text = format(named.expr());
        return named.name().equals(naturalName(named.expr())) ? text
                : text + ".alias(" + FunctionText.quote(named.name()) + ")";
    }

    public static String formatAll(List<NamedExpr> exprs) {
        return exprs.stream().map(ExprFormat::format).collect(Collectors.joining(", ", "[", "]"));
    }

    /** The name Polars would give the expression's output: its leftmost column, {@code literal} or {@code len}. */
    public static String naturalName(LogicalExpr expr) {
        return switch (expr) {
            case LogicalExpr.Column column -> column.name();
            case LogicalExpr.Literal literal -> "literal";
            case LogicalExpr.Aggregate aggregate when aggregate.input() == null -> "len";
            case LogicalExpr.Case caseExpr -> naturalName(caseExpr.branches().getFirst().value());
            case LogicalExpr.Cast _, LogicalExpr.Binary _, LogicalExpr.Function _, LogicalExpr.Aggregate _,
                    LogicalExpr.Window _ -> naturalName(expr.children().getFirst());
        };
    }

    /** An expression as the user wrote it. */
    public static String format(Expr expr) {
        return switch (expr) {
            case Expr.Column column -> "col(" + FunctionText.quote(column.name()) + ")";
            case Expr.Columns columns -> "cols(" + columns.names().stream().map(FunctionText::quote)
                    .collect(Collectors.joining(", ", "[", "]")) + ")";
            case Expr.All all -> "all()";
            case Expr.Exclude exclude -> "all().exclude(" + exclude.names().stream().map(FunctionText::quote)
                    .collect(Collectors.joining(", ", "[", "]")) + ")";
            case Expr.Literal literal -> literal.type() == null ? dynamicLiteral(literal.value())
                    : literal(literal.value(), literal.type());
            case Expr.Alias alias -> format(alias.input()) + ".alias(" + FunctionText.quote(alias.name()) + ")";
            case Expr.Binary binary -> binary(binary.operator(), format(binary.left()), format(binary.right()));
            case Expr.Function function -> {
                List<String> extra = new ArrayList<>();
                for (Expr argument : function.arguments().subList(1, function.arguments().size())) {
                    extra.add(format(argument));
                }
                yield format(function.arguments().getFirst()) + FunctionText.scalar(function.function(), extra);
            }
            case Expr.Cast cast -> format(cast.input()) + (cast.strict() ? ".strict_cast(" : ".cast(") + cast.type()
                    + ")";
            case Expr.When when -> {
                StringBuilder text = new StringBuilder();
                for (Expr.Branch branch : when.branches()) {
                    text.append(".when(").append(format(branch.condition())).append(").then(")
                            .append(format(branch.value())).append(")");
                }
                yield text.append(".otherwise(").append(format(when.otherwise())).append(")").substring(1);
            }
            case Expr.Aggregation aggregation -> aggregation.input() == null ? "len()"
                    : format(aggregation.input()) + FunctionText.aggregate(aggregation.function());
            case Expr.Window window -> format(window.function()) + ".over("
                    + window.partitionBy().stream().map(ExprFormat::format).collect(Collectors.joining(", ", "[", "]"))
                    + ")";
            case Expr.Unique unique -> format(unique.input()) + ".unique()";
        };
    }

    private static String binary(BinaryOperator operator, String left, String right) {
        if (operator == BinaryOperator.POWER) {
            return left + ".pow(" + right + ")";
        }
        return "[(" + left + ") " + operator.symbol() + " (" + right + ")]";
    }

    private static String dynamicLiteral(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return "dyn int: " + value;
        }
        if (value instanceof Float || value instanceof Double) {
            return "dyn float: " + value;
        }
        return FunctionText.value(value);
    }

    private static String literal(Object value, DataType type) {
        if (value == null) {
            return "null";
        }
        if (type.isInteger()) {
            return "dyn int: " + value;
        }
        if (type.isFloat()) {
            return "dyn float: " + value;
        }
        return FunctionText.value(value);
    }
}
