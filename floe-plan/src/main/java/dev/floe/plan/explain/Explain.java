package dev.floe.plan.explain;

import dev.floe.io.FileFormat;
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
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints a logical plan as indented text modeled on Polars' {@code explain()}: one operator per line (a few span
 * lines), its input indented two spaces below it. Deterministic: the same plan always prints the same text.
 */
public final class Explain {
    private static final String INDENT = "  ";

    private Explain() {
    }

    public static String explain(LogicalPlan plan) {
        return explain(plan, ScanReport.NONE);
    }

    /** The plan with, under each scan, what {@code report} says it reads (files and row groups kept after pruning). */
    public static String explain(LogicalPlan plan, ScanReport report) {
        StringBuilder out = new StringBuilder();
        write(report, plan, 0, out);
        return out.toString();
    }

    private static void line(StringBuilder out, int depth, String text) {
        out.append(INDENT.repeat(depth)).append(text).append('\n');
    }

    private static void write(ScanReport report, LogicalPlan plan, int depth, StringBuilder out) {
        switch (plan) {
            case Scan scan -> {
                line(out, depth, formatName(scan.source().format()) + " SCAN " + scan.source().paths().stream()
                        .map(FunctionText::quote).collect(Collectors.joining(", ", "[", "]")));
                line(out, depth, projection(scan.projection(), scan.tableSchema().size()));
                if (scan.predicate() != null) {
                    line(out, depth, "SELECTION: " + ExprFormat.format(scan.predicate()));
                }
                if (scan.limit() >= 0) {
                    line(out, depth, "N_ROWS: " + scan.limit());
                }
                String reads = report.describe(scan);
                if (reads != null) {
                    line(out, depth, "READS: " + reads);
                }
            }
            case InMemory memory -> line(out, depth, "DF " + memory.schema().names().stream()
                    .map(FunctionText::quote).collect(Collectors.joining(", ", "[", "]")) + "; "
                    + projection(null, memory.schema().size()) + "; " + memory.rowCount() + " ROWS");
            case Filter filter -> {
                line(out, depth, "FILTER " + ExprFormat.format(filter.predicate()) + " FROM");
                write(report, filter.input(), depth + 1, out);
            }
            case Project project -> {
                line(out, depth, "SELECT " + ExprFormat.formatAll(project.exprs()) + " FROM");
                write(report, project.input(), depth + 1, out);
            }
            case WithColumns withColumns -> {
                line(out, depth, "WITH_COLUMNS:");
                line(out, depth, ExprFormat.formatAll(withColumns.exprs()) + " FROM");
                write(report, withColumns.input(), depth + 1, out);
            }
            case Aggregate aggregate -> {
                line(out, depth, "AGGREGATE" + (aggregate.maintainOrder() ? "[maintain_order: true]" : ""));
                line(out, depth, ExprFormat.formatAll(aggregate.aggregates()) + " BY "
                        + ExprFormat.formatAll(aggregate.keys()) + " FROM");
                write(report, aggregate.input(), depth + 1, out);
            }
            case Join join -> {
                String kind = join.type().name() + " JOIN";
                line(out, depth, kind + ":" + (join.suffix().equals("_right") ? "" : " [suffix: "
                        + FunctionText.quote(join.suffix()) + "]"));
                line(out, depth, "LEFT PLAN ON: " + keys(join.leftKeys()));
                write(report, join.left(), depth + 1, out);
                line(out, depth, "RIGHT PLAN ON: " + keys(join.rightKeys()));
                write(report, join.right(), depth + 1, out);
                line(out, depth, "END " + kind);
            }
            case Sort sort -> {
                line(out, depth, "SORT BY " + sort.keys().stream().map(k -> ExprFormat.format(k.expr()))
                        .collect(Collectors.joining(", ", "[", "]")) + sortOptions(sort));
                write(report, sort.input(), depth + 1, out);
            }
            case Slice slice -> {
                line(out, depth, "SLICE[offset: " + slice.offset() + ", len: " + slice.length() + "]");
                write(report, slice.input(), depth + 1, out);
            }
            case Distinct distinct -> {
                line(out, depth, "UNIQUE[maintain_order: " + distinct.maintainOrder() + ", keep_strategy: "
                        + capitalized(distinct.keep().name()) + "] BY " + (distinct.subset() == null ? "None"
                        : distinct.subset().stream().map(FunctionText::quote)
                                .collect(Collectors.joining(", ", "[", "]"))));
                write(report, distinct.input(), depth + 1, out);
            }
            case Union union -> {
                line(out, depth, "UNION");
                for (int i = 0; i < union.inputs().size(); i++) {
                    line(out, depth, "PLAN " + i + ":");
                    write(report, union.inputs().get(i), depth + 1, out);
                }
                line(out, depth, "END UNION");
            }
            case RowIndex rowIndex -> {
                line(out, depth, "ROW_INDEX[name: " + FunctionText.quote(rowIndex.name()) + ", offset: "
                        + rowIndex.offset() + "]");
                write(report, rowIndex.input(), depth + 1, out);
            }
            case Cache cache -> {
                line(out, depth, "CACHE[id: " + cache.id() + "]");
                write(report, cache.input(), depth + 1, out);
            }
            case Sink sink -> {
                line(out, depth, "SINK[" + sink.format().name().toLowerCase(Locale.ROOT) + ": "
                        + FunctionText.quote(sink.path()) + (sink.options().isEmpty() ? "" : ", options: "
                        + dev.floe.io.storage.StorageOptions.redact(sink.options())) + "]");
                write(report, sink.input(), depth + 1, out);
            }
        }
    }

    private static String formatName(FileFormat format) {
        return switch (format) {
            case PARQUET -> "Parquet";
            case CSV -> "Csv";
            case IPC -> "IPC";
        };
    }

    private static String projection(List<String> projection, int total) {
        return projection == null ? "PROJECT */" + total + " COLUMNS"
                : "PROJECT " + projection.size() + "/" + total + " COLUMNS";
    }

    private static String keys(List<dev.floe.plan.expr.LogicalExpr> keys) {
        return keys.stream().map(ExprFormat::format).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String sortOptions(Sort sort) {
        StringBuilder options = new StringBuilder();
        boolean anyDescending = sort.keys().stream().anyMatch(SortKey::descending);
        boolean anyNullsLast = sort.keys().stream().anyMatch(SortKey::nullsLast);
        if (anyDescending) {
            options.append(" [descending: ").append(sort.keys().stream().map(k -> Boolean.toString(k.descending()))
                    .collect(Collectors.joining(", ", "[", "]"))).append("]");
        }
        if (anyNullsLast) {
            options.append(" [nulls_last: ").append(sort.keys().stream().map(k -> Boolean.toString(k.nullsLast()))
                    .collect(Collectors.joining(", ", "[", "]"))).append("]");
        }
        if (sort.maintainOrder()) {
            options.append(" [maintain_order: true]");
        }
        if (sort.limit() >= 0) {
            options.append(" [limit: ").append(sort.limit()).append("]");
        }
        return options.toString();
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
