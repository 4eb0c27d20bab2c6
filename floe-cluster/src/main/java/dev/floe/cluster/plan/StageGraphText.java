package dev.floe.cluster.plan;

import java.util.stream.Collectors;

/**
 * Renders a {@link StageGraph} as stable text (for {@code explain()} and golden files) and as Graphviz dot: one
 * block per stage with its partitions, inputs, output exchange, source split sizes and fragment.
 */
public final class StageGraphText {
    private StageGraphText() {
    }

    public static String text(StageGraph graph) {
        StringBuilder out = new StringBuilder();
        for (Stage stage : graph.stages()) {
            out.append("Stage ").append(stage.id()).append(": ").append(stage.partitions())
                    .append(stage.partitions() == 1 ? " partition" : " partitions");
            if (!stage.inputStages().isEmpty()) {
                out.append(", reads ").append(stage.inputStages().stream().map(i -> "stage " + i)
                        .collect(Collectors.joining(", ")));
            }
            out.append(", output ").append(exchange(stage.output())).append('\n');
            if (!stage.splits().isEmpty()) {
                out.append("  splits ").append(stage.keyRanges().map(ranges -> "by " + ranges.describe() + ": ")
                        .orElse("")).append(stage.splits().stream().map(StageGraphText::split)
                        .collect(Collectors.joining(" | "))).append('\n');
            }
            FragmentText.render(stage.fragment(), "  ", out);
            graph.adaptiveJoin(stage.id()).ifPresent(join -> adaptive(join, out));
        }
        return out.toString();
    }

    /** The run-time alternative of a stage: when it applies and the variant's partitions, splits and fragment. */
    private static void adaptive(AdaptiveJoin join, StringBuilder out) {
        Stage variant = join.broadcastVariant();
        out.append("  adaptive: if stage ").append(join.smallStage()).append(" writes at most ").append(join.maxRows())
                .append(" rows, skip stage ").append(join.heldStage()).append(" and run ").append(variant.partitions())
                .append(variant.partitions() == 1 ? " partition" : " partitions").append(" reading stage ")
                .append(join.smallStage()).append(" whole\n");
        if (!variant.splits().isEmpty()) {
            out.append("    splits ").append(variant.splits().stream().map(StageGraphText::split)
                    .collect(Collectors.joining(" | "))).append('\n');
        }
        FragmentText.render(variant.fragment(), "    ", out);
    }

    public static String dot(StageGraph graph) {
        StringBuilder out = new StringBuilder("digraph stages {\n  rankdir=BT;\n  node [shape=box];\n");
        for (Stage stage : graph.stages()) {
            StringBuilder fragment = new StringBuilder();
            FragmentText.render(stage.fragment(), "", fragment);
            out.append("  stage").append(stage.id()).append(" [label=\"Stage ").append(stage.id()).append(" (")
                    .append(stage.partitions()).append(stage.partitions() == 1 ? " partition" : " partitions")
                    .append(")\\l")
                    .append(escape(fragment.toString()).replace("\n", "\\l")).append("\"];\n");
        }
        for (Stage stage : graph.stages()) {
            for (int input : stage.inputStages()) {
                out.append("  stage").append(input).append(" -> stage").append(stage.id()).append(" [label=\"")
                        .append(escape(exchange(graph.stage(input).output()))).append("\"];\n");
            }
        }
        return out.append("}\n").toString();
    }

    public static String exchange(Exchange exchange) {
        return switch (exchange) {
            case Exchange.Hash hash -> "hash(" + String.join(", ", hash.keys()) + "; " + hash.partitions() + ")";
            case Exchange.RoundRobin roundRobin -> "round_robin(" + roundRobin.partitions() + ")";
            case Exchange.Broadcast broadcast -> "broadcast";
            case Exchange.Gather gather -> "gather";
            case Exchange.Forward forward -> "forward(sample " + keys(forward.sampleKeys()) + ")";
            case Exchange.Range range -> "range(" + keys(range.keys()) + "; " + range.partitions() + ")";
            case Exchange.Result result -> "result";
        };
    }

    private static String keys(java.util.List<RangeKey> keys) {
        return keys.stream().map(key -> key.column() + (key.descending() ? " desc" : " asc")
                + (key.nullsLast() ? " nulls_last" : "")).collect(Collectors.joining(", "));
    }

    private static String split(PartitionSplit split) {
        return switch (split) {
            case PartitionSplit.ScanSplit scan -> scan.tasks().size() + " scan tasks";
            case PartitionSplit.MemorySplit memory -> memory.batches().size() + " batches";
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
