package dev.floe.plan.resolve;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.plan.dsl.Expr;
import dev.floe.plan.explain.ExprFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expands {@code all()}, {@code cols(...)} and {@code exclude(...)}: an expression over a wildcard becomes one
 * expression per selected column ({@code cols("a", "b").sum()} is {@code col("a").sum(), col("b").sum()}).
 */
final class Wildcards {
    private Wildcards() {
    }

    /** The expanded expressions; {@code hidden} columns are left out of {@code all()} (group keys in agg). */
    static List<Expr> expand(List<Expr> exprs, Schema schema, Set<String> hidden) {
        List<Expr> expanded = new ArrayList<>();
        for (Expr expr : exprs) {
            expanded.addAll(expand(expr, schema, hidden));
        }
        return expanded;
    }

    static List<Expr> expand(Expr expr, Schema schema, Set<String> hidden) {
        Expr wildcard = findWildcard(expr);
        if (wildcard == null) {
            return List.of(expr);
        }
        List<String> names = switch (wildcard) {
            case Expr.Columns columns -> {
                columns.names().forEach(schema::require);
                yield columns.names();
            }
            case Expr.All all -> schema.names().stream().filter(n -> !hidden.contains(n)).toList();
            case Expr.Exclude exclude -> {
                exclude.names().forEach(schema::require);
                yield schema.names().stream().filter(n -> !hidden.contains(n) && !exclude.names().contains(n))
                        .toList();
            }
            case Expr.Column _, Expr.Literal _, Expr.Alias _, Expr.Binary _, Expr.Function _, Expr.Cast _,
                    Expr.When _, Expr.Aggregation _, Expr.Unique _, Expr.Window _ ->
                    throw FloeException.internal("not a wildcard: " + wildcard);
        };
        List<Expr> expanded = new ArrayList<>(names.size());
        for (String name : names) {
            expanded.add(replace(expr, wildcard, new Expr.Column(name)));
        }
        return expanded;
    }

    private static Expr findWildcard(Expr expr) {
        if (expr instanceof Expr.Columns || expr instanceof Expr.All || expr instanceof Expr.Exclude) {
            return expr;
        }
        Expr found = null;
        for (Expr child : expr.children()) {
            Expr inChild = findWildcard(child);
            if (inChild != null && found != null && !found.equals(inChild)) {
                throw new FloeException(ErrorCode.INVALID_PLAN, ExprFormat.format(expr)
                        + " combines different multi-column selections " + ExprFormat.format(found) + " and "
                        + ExprFormat.format(inChild) + "; use one per expression");
            }
            found = found == null ? inChild : found;
        }
        return found;
    }

    private static Expr replace(Expr expr, Expr wildcard, Expr column) {
        if (expr.equals(wildcard)) {
            return column;
        }
        List<Expr> children = expr.children();
        if (children.isEmpty()) {
            return expr;
        }
        List<Expr> replaced = new ArrayList<>(children.size());
        for (Expr child : children) {
            replaced.add(replace(child, wildcard, column));
        }
        return expr.withChildren(replaced);
    }

    /** The output name Polars gives a written expression: alias, else its leftmost column, literal or len. */
    static String outputName(Expr expr) {
        return switch (expr) {
            case Expr.Alias alias -> alias.name();
            case Expr.Column column -> column.name();
            case Expr.Literal literal -> "literal";
            case Expr.Aggregation aggregation when aggregation.input() == null -> "len";
            case Expr.When when -> outputName(when.branches().getFirst().value());
            case Expr.Columns columns -> columns.names().getFirst();
            case Expr.All all -> "*";
            case Expr.Exclude exclude -> "*";
            case Expr.Binary _, Expr.Function _, Expr.Cast _, Expr.Aggregation _, Expr.Unique _,
                    Expr.Window _ -> outputName(expr.children().getFirst());
        };
    }
}
