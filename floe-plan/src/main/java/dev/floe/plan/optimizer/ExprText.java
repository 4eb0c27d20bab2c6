package dev.floe.plan.optimizer;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.expr.NamedExpr;
import java.util.List;
import java.util.stream.Collectors;

/** A short Polars-like rendering of expressions for the optimizer's debug log ({@code (col("a") > 1)}). */
public final class ExprText {
    private ExprText() {
    }

    public static String render(LogicalExpr expr) {
        if (expr == null) {
            return "none";
        }
        return switch (expr) {
            case LogicalExpr.Column column -> "col(\"" + column.name() + "\")";
            case LogicalExpr.Literal literal -> literal.value() instanceof String text ? "\"" + text + "\""
                    : String.valueOf(literal.value());
            case LogicalExpr.Cast cast -> render(cast.input()) + ".cast(" + cast.type() + ")";
            case LogicalExpr.Binary binary -> "(" + render(binary.left()) + " " + binary.operator().symbol() + " "
                    + render(binary.right()) + ")";
            case LogicalExpr.Function function -> function.function().name() + "(" + renderAll(function.arguments())
                    + ")";
            case LogicalExpr.Case caseExpr -> "when(" + renderAll(caseExpr.children()) + ")";
            case LogicalExpr.Aggregate aggregate -> aggregate.function().name() + "("
                    + (aggregate.input() == null ? "" : render(aggregate.input())) + ")";
            case LogicalExpr.Window window -> render(window.function()) + ".over(" + renderAll(window.partitionBy())
                    + ")";
        };
    }

    public static String renderNamed(List<NamedExpr> exprs) {
        return exprs.stream().map(e -> render(e.expr()) + " as " + e.name()).collect(Collectors.joining(", ", "[",
                "]"));
    }

    private static String renderAll(List<LogicalExpr> exprs) {
        return exprs.stream().map(ExprText::render).collect(Collectors.joining(", "));
    }
}
