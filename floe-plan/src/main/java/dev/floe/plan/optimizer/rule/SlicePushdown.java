package dev.floe.plan.optimizer.rule;

import dev.floe.plan.expr.NamedExpr;
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
import dev.floe.plan.optimizer.Expressions;
import dev.floe.plan.optimizer.OptimizerRule;
import dev.floe.plan.optimizer.Plans;
import dev.floe.plan.optimizer.Transformed;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code push_down_slices}: moves slices with a non-negative offset toward the data.
 * <ul>
 * <li>Below Project/WithColumns without windows (row-wise, so the same rows come out).</li>
 * <li>Slice over Slice merges into one.</li>
 * <li>{@code Slice(0, n)} over an unlimited Sort becomes the top-k {@code Sort(limit = n)}; with an offset o
 * the sort keeps {@code o + n} rows and the slice stays.</li>
 * <li>Into a scan's limit ({@code Slice(0, n)} disappears; with an offset the scan reads {@code o + n} rows
 * and the slice stays). The scan's limit applies after its predicate, so a scan predicate is no obstacle.</li>
 * <li>Union: each input is bounded by {@code Slice(0, o + n)}, the outer slice stays.</li>
 * </ul>
 * Tail slices (negative offsets) are never moved. Slices do not move through filters, joins, aggregations.
 */
public final class SlicePushdown implements OptimizerRule {
    @Override
    public String name() {
        return "push_down_slices";
    }

    @Override
    public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
        return Transformed.compare(plan, Plans.transformUp(plan, SlicePushdown::rewriteNode));
    }

    private static LogicalPlan rewriteNode(LogicalPlan plan) {
        if (!(plan instanceof Slice slice) || slice.offset() < 0) {
            return plan;
        }
        long offset = slice.offset();
        long length = slice.length();
        long end = saturatedAdd(offset, length);
        LogicalPlan input = slice.input();
        return switch (input) {
            case Project project when rowWise(project.exprs()) ->
                    project.withInputs(List.of(rewriteNode(new Slice(project.input(), offset, length))));
            case WithColumns withColumns when rowWise(withColumns.exprs()) ->
                    withColumns.withInputs(List.of(rewriteNode(new Slice(withColumns.input(), offset, length))));
            case Slice inner when inner.offset() >= 0 -> {
                long innerEnd = saturatedAdd(inner.offset(), inner.length());
                long start = saturatedAdd(inner.offset(), offset);
                long mergedLength = Math.max(0, Math.min(saturatedAdd(start, length), innerEnd) - start);
                yield rewriteNode(new Slice(inner.input(), start, mergedLength));
            }
            case Sort sort -> {
                long limit = sort.limit() == -1 ? end : Math.min(sort.limit(), end);
                Sort limited = new Sort(sort.input(), sort.keys(), sort.maintainOrder(), limit);
                yield offset == 0 ? limited : keepSlice(slice, limited);
            }
            case Scan scan -> {
                Scan limited = scan.withLimit(scan.limit() == -1 ? end : Math.min(scan.limit(), end));
                yield offset == 0 ? limited : keepSlice(slice, limited);
            }
            case Union union -> {
                List<LogicalPlan> inputs = new ArrayList<>();
                for (LogicalPlan unionInput : union.inputs()) {
                    inputs.add(bounded(unionInput, end) ? unionInput : rewriteNode(new Slice(unionInput, 0, end)));
                }
                yield keepSlice(slice, new Union(inputs));
            }
            case InMemory _, Filter _, Project _, WithColumns _, Aggregate _, Join _, Slice _, Distinct _,
                    RowIndex _, Cache _, Sink _ -> plan;
        };
    }

    private static LogicalPlan keepSlice(Slice slice, LogicalPlan input) {
        return new Slice(input, slice.offset(), slice.length());
    }

    /** Whether the plan already yields at most {@code rows} rows by its own limit. */
    private static boolean bounded(LogicalPlan plan, long rows) {
        return switch (plan) {
            case Slice slice -> slice.offset() >= 0 && slice.length() <= rows;
            case Scan scan -> scan.limit() != -1 && scan.limit() <= rows;
            case Sort sort -> sort.limit() != -1 && sort.limit() <= rows;
            case Project project -> rowWise(project.exprs()) && bounded(project.input(), rows);
            case WithColumns withColumns -> rowWise(withColumns.exprs()) && bounded(withColumns.input(), rows);
            case InMemory _, Filter _, Aggregate _, Join _, Distinct _, Union _, RowIndex _, Cache _, Sink _ -> false;
        };
    }

    private static boolean rowWise(List<NamedExpr> exprs) {
        return exprs.stream().noneMatch(e -> Expressions.dependsOnOtherRows(e.expr()));
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
