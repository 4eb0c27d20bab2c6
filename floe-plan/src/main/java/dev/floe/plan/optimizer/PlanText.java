package dev.floe.plan.optimizer;

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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A compact indented rendering of a plan for the optimizer's debug log (explain lives elsewhere). */
public final class PlanText {
    private PlanText() {
    }

    public static String render(LogicalPlan plan) {
        StringBuilder out = new StringBuilder();
        render(plan, 0, out);
        return out.toString();
    }

    private static void render(LogicalPlan plan, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(line(plan)).append('\n');
        for (LogicalPlan input : plan.inputs()) {
            render(input, depth + 1, out);
        }
    }

    static String line(LogicalPlan plan) {
        return switch (plan) {
            case Scan scan -> "Scan " + scan.source().paths() + " projection=" + scan.projection() + " predicate="
                    + ExprText.render(scan.predicate()) + " limit=" + scan.limit();
            case InMemory memory -> "InMemory " + memory.schema().names() + " rows=" + memory.rowCount();
            case Filter filter -> "Filter " + ExprText.render(filter.predicate());
            case Project project -> "Project " + ExprText.renderNamed(project.exprs());
            case WithColumns withColumns -> "WithColumns " + ExprText.renderNamed(withColumns.exprs());
            case Aggregate aggregate -> "Aggregate keys=" + ExprText.renderNamed(aggregate.keys()) + " aggregates="
                    + ExprText.renderNamed(aggregate.aggregates());
            case Join join -> "Join " + join.type() + " " + join.leftKeys().stream().map(ExprText::render).toList() + " = "
                    + join.rightKeys().stream().map(ExprText::render).toList();
            case Sort sort -> "Sort " + sort.keys().stream().map(k -> ExprText.render(k.expr()) + (k.descending() ? " desc" : ""))
                    .toList() + " limit=" + sort.limit();
            case Slice slice -> "Slice offset=" + slice.offset() + " length=" + slice.length();
            case Distinct distinct -> "Distinct subset=" + distinct.subset() + " keep=" + distinct.keep();
            case Union union -> "Union " + union.inputs().size() + " inputs";
            case RowIndex rowIndex -> "RowIndex " + rowIndex.name() + " offset=" + rowIndex.offset();
            case Cache cache -> "Cache id=" + cache.id();
            case Sink sink -> "Sink " + sink.format() + " " + sink.path();
        };
    }

    /** The lines only in {@code before} (prefixed "- ") and only in {@code after} (prefixed "+ "). */
    public static String diff(String before, String after) {
        List<String> beforeLines = before.lines().toList();
        List<String> afterLines = after.lines().toList();
        Set<String> beforeSet = new HashSet<>(beforeLines);
        Set<String> afterSet = new HashSet<>(afterLines);
        List<String> out = new ArrayList<>();
        for (String line : beforeLines) {
            if (!afterSet.contains(line)) {
                out.add("- " + line);
            }
        }
        for (String line : afterLines) {
            if (!beforeSet.contains(line)) {
                out.add("+ " + line);
            }
        }
        return String.join("\n", out);
    }
}
