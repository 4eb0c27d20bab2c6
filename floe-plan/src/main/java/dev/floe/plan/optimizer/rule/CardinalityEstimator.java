package dev.floe.plan.optimizer.rule;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.function.ScalarFunction;
import dev.floe.plan.logical.Aggregate;
import dev.floe.plan.logical.Cache;
import dev.floe.plan.logical.Distinct;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.RowIndex;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.WithColumns;
import dev.floe.plan.optimizer.RowCountSource;
import java.util.OptionalLong;

/**
 * A rough row-count estimate for choosing join sides: exact for in-memory data, from source statistics for
 * scans, and fixed selectivity guesses for predicates (equality, prefix and suffix 0.1, range comparison 0.3, null
 * checks 0.1, anything else 0.5; {@code &} multiplies, {@code |} adds minus overlap, {@code not} complements); an
 * inner join keeps the input from the larger source scaled by the fraction the other input's filters kept.
 * Returns a negative number when unknown.
 */
public final class CardinalityEstimator {
    static final double UNKNOWN = -1;

    private final RowCountSource rowCounts;

    public CardinalityEstimator(RowCountSource rowCounts) {
        this.rowCounts = rowCounts;
    }

    /** Estimated output rows, or a negative number when a source's size is unknown. */
    public double rows(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> {
                OptionalLong rows = rowCounts.rows(scan.source());
                if (rows.isEmpty()) {
                    yield UNKNOWN;
                }
                double estimate = rows.getAsLong() * (scan.predicate() == null ? 1 : selectivity(scan.predicate()));
                yield scan.limit() == -1 ? estimate : Math.min(estimate, scan.limit());
            }
            case InMemory memory -> memory.rowCount();
            case Filter filter -> scale(rows(filter.input()), selectivity(filter.predicate()));
            case Project project -> rows(project.input());
            case WithColumns withColumns -> rows(withColumns.input());
            case Aggregate aggregate -> aggregate.keys().isEmpty() ? 1 : scale(rows(aggregate.input()), 0.1);
            case Join join -> joinRows(join);
            case Sort sort -> limited(rows(sort.input()), sort.limit());
            case Slice slice -> {
                double input = rows(slice.input());
                yield input < 0 ? UNKNOWN : Math.min(input, slice.length());
            }
            case Distinct distinct -> scale(rows(distinct.input()), 0.5);
            case Union union -> {
                double total = 0;
                for (LogicalPlan input : union.inputs()) {
                    double rows = rows(input);
                    if (rows < 0) {
                        yield UNKNOWN;
                    }
                    total += rows;
                }
                yield total;
            }
            case RowIndex rowIndex -> rows(rowIndex.input());
            case Cache cache -> rows(cache.input());
            case Sink sink -> rows(sink.input());
        };
    }

    private double joinRows(Join join) {
        double left = rows(join.left());
        double right = rows(join.right());
        if (left < 0 || right < 0) {
            return UNKNOWN;
        }
        return switch (join.type()) {
            case INNER -> innerJoinRows(join, left, right);
            case LEFT -> left;
            case RIGHT -> right;
            case FULL -> left + right;
            case SEMI, ANTI -> left * 0.5;
            case CROSS -> left * right;
        };
    }

    /**
     * An inner join is taken as a key/foreign-key join: the input from the larger source (its rows before filters)
     * holds the foreign keys, and its rows survive in the proportion that the other input's filters kept (a
     * dimension filtered to a tenth keeps about a tenth of the facts).
     */
    private double innerJoinRows(Join join, double left, double right) {
        double leftKept = keptFraction(join.left());
        double rightKept = keptFraction(join.right());
        double leftSource = left / Math.max(leftKept, 1e-12);
        double rightSource = right / Math.max(rightKept, 1e-12);
        return leftSource >= rightSource ? left * rightKept : right * leftKept;
    }

    /**
     * The estimated fraction of a plan's source rows (or key values) that its filters keep: the product of the
     * predicate selectivities on the way down to a source or an aggregate, through inner joins on both sides.
     */
    static double keptFraction(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> scan.predicate() == null ? 1 : selectivity(scan.predicate());
            case Filter filter -> keptFraction(filter.input()) * selectivity(filter.predicate());
            case Project project -> keptFraction(project.input());
            case WithColumns withColumns -> keptFraction(withColumns.input());
            case Distinct distinct -> keptFraction(distinct.input());
            case Sort sort -> keptFraction(sort.input());
            case RowIndex rowIndex -> keptFraction(rowIndex.input());
            case Cache cache -> keptFraction(cache.input());
            case Sink sink -> keptFraction(sink.input());
            case Join join -> switch (join.type()) {
                case INNER, CROSS -> keptFraction(join.left()) * keptFraction(join.right());
                case LEFT, SEMI, ANTI -> keptFraction(join.left());
                case RIGHT -> keptFraction(join.right());
                case FULL -> 1;
            };
            // An aggregate's groups are a new relation: its input's filters are not counted again when it joins
            // back to that input (q21's per-order counts joined with the line items they were counted from).
            case Aggregate _, InMemory _, Slice _, Union _ -> 1;
        };
    }

    private static double scale(double rows, double factor) {
        return rows < 0 ? UNKNOWN : rows * factor;
    }

    private static double limited(double rows, long limit) {
        return rows < 0 || limit == -1 ? rows : Math.min(rows, limit);
    }

    /** The guessed fraction of rows a predicate keeps. */
    static double selectivity(LogicalExpr predicate) {
        return switch (predicate) {
            case LogicalExpr.Literal literal -> Boolean.TRUE.equals(literal.value()) ? 1 : 0;
            case LogicalExpr.Binary binary -> switch (binary.operator()) {
                case AND -> selectivity(binary.left()) * selectivity(binary.right());
                case OR -> {
                    double a = selectivity(binary.left());
                    double b = selectivity(binary.right());
                    yield a + b - a * b;
                }
                case EQUAL -> 0.1;
                case NOT_EQUAL -> 0.9;
                case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> 0.3;
                case ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, XOR -> 0.5;
            };
            case LogicalExpr.Function function -> switch (function.function()) {
                case ScalarFunction.Not f -> 1 - selectivity(function.arguments().getFirst());
                case ScalarFunction.IsNull f -> 0.1;
                case ScalarFunction.IsNotNull f -> 0.9;
                case ScalarFunction.IsIn isIn -> Math.min(1, 0.1 * isIn.values().size());
                case ScalarFunction.IsBetween f -> 0.25;
                // a literal prefix or suffix is an equality on part of the string
                case ScalarFunction.StrStartsWith _, ScalarFunction.StrEndsWith _ -> 0.1;
                case ScalarFunction.FillNull _, ScalarFunction.Negate _, ScalarFunction.Abs _,
                        ScalarFunction.Sqrt _, ScalarFunction.Round _, ScalarFunction.StrContains _,
                        ScalarFunction.StrSlice _, ScalarFunction.StrLenChars _,
                        ScalarFunction.StrToUppercase _, ScalarFunction.StrToLowercase _,
                        ScalarFunction.StrReplace _, ScalarFunction.Year _, ScalarFunction.Month _,
                        ScalarFunction.Day _, ScalarFunction.Weekday _, ScalarFunction.Quarter _,
                        ScalarFunction.OrdinalDay _ -> 0.5;
            };
            case LogicalExpr.Column _, LogicalExpr.Cast _, LogicalExpr.Case _, LogicalExpr.Aggregate _,
                    LogicalExpr.Window _ -> 0.5;
        };
    }
}
