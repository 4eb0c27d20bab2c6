package dev.floe.cluster.plan;

import dev.floe.plan.expr.LogicalExpr;
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
import dev.floe.plan.logical.SortKey;
import dev.floe.plan.logical.Union;
import dev.floe.plan.logical.WithColumns;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** A stable one-line-per-operator rendering of a stage fragment, for the stage graph text and golden files. */
final class FragmentText {
    private FragmentText() {
    }

    static void render(LogicalPlan plan, String indent, StringBuilder out) {
        out.append(indent).append(line(plan)).append('\n');
        for (LogicalPlan input : plan.inputs()) {
            render(input, indent + "  ", out);
        }
    }

    private static String line(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> scanLine(scan);
            case InMemory memory -> "InMemory " + memory.schema().names();
            case Filter filter -> "Filter " + expr(filter.predicate());
            case Project project -> "Project " + named(project.exprs());
            case WithColumns with -> "WithColumns " + named(with.exprs());
            case Aggregate aggregate -> "Aggregate keys=" + named(aggregate.keys()) + " aggregates="
                    + named(aggregate.aggregates()) + (aggregate.maintainOrder() ? " maintain_order" : "");
            case Join join -> "Join " + join.type().polarsName() + " left=" + exprs(join.leftKeys()) + " right="
                    + exprs(join.rightKeys());
            case Sort sort -> "Sort " + sortKeys(sort.keys()) + (sort.limit() >= 0 ? " limit=" + sort.limit() : "");
            case Slice slice -> "Slice offset=" + slice.offset() + " length=" + slice.length();
            case Distinct distinct -> "Distinct subset=" + (distinct.subset() == null ? "all" : distinct.subset())
                    + " keep=" + distinct.keep().name().toLowerCase(java.util.Locale.ROOT);
            case Union union -> "Union " + union.inputs().size() + " inputs";
            case RowIndex rowIndex -> "RowIndex " + rowIndex.name() + " offset=" + rowIndex.offset();
            case Cache cache -> "Cache " + cache.id();
            case Sink sink -> "Sink " + sink.format().extension() + " " + sink.path();
        };
    }

    private static String scanLine(Scan scan) {
        OptionalInt stage = ShuffleInputs.stageOf(scan);
        if (stage.isPresent()) {
            return "ShuffleRead stage " + stage.getAsInt() + " " + scan.schema().names();
        }
        return "Scan " + scan.source().format().extension() + " " + scan.source().paths()
                + (scan.projection() == null ? "" : " columns=" + scan.projection())
                + (scan.predicate() == null ? "" : " predicate=" + expr(scan.predicate()))
                + (scan.limit() >= 0 ? " limit=" + scan.limit() : "");
    }

    private static String sortKeys(List<SortKey> keys) {
        return keys.stream().map(k -> expr(k.expr()) + (k.descending() ? " desc" : " asc")
                + (k.nullsLast() ? " nulls_last" : "")).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String named(List<NamedExpr> exprs) {
        return exprs.stream().map(e -> {
            String text = expr(e.expr());
            return text.equals(e.name()) ? text : e.name() + "=" + text;
        }).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String exprs(List<LogicalExpr> exprs) {
        return exprs.stream().map(FragmentText::expr).collect(Collectors.joining(", ", "[", "]"));
    }

    static String expr(LogicalExpr expr) {
        return switch (expr) {
            case LogicalExpr.Column column -> column.name();
            case LogicalExpr.Literal literal -> literal.value() instanceof String s ? "'" + s + "'"
                    : String.valueOf(literal.value());
            case LogicalExpr.Cast cast -> "cast(" + expr(cast.input()) + " as " + cast.type() + ")";
            case LogicalExpr.Binary binary -> "(" + expr(binary.left()) + " " + binary.operator().name()
                    .toLowerCase(java.util.Locale.ROOT) + " " + expr(binary.right()) + ")";
            case LogicalExpr.Function function -> function.function().name() + exprs(function.arguments());
            case LogicalExpr.Case caseExpr -> "case" + exprs(caseExpr.children());
            case LogicalExpr.Aggregate aggregate -> aggregate.function().name() + "("
                    + (aggregate.input() == null ? "" : expr(aggregate.input())) + ")";
            case LogicalExpr.Window window -> expr(window.function()) + ".over" + exprs(window.partitionBy());
        };
    }
}
