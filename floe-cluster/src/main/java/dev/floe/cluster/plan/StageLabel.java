package dev.floe.cluster.plan;

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

/**
 * A one-word name for what a stage mostly does ({@code join}, {@code aggregate}, {@code sort}, {@code scan}...),
 * for the live progress line: the weightiest operator of its fragment wins.
 */
public final class StageLabel {
    private StageLabel() {
    }

    public static String of(Stage stage) {
        return switch (weightiest(stage.fragment())) {
            case 7 -> "sink";
            case 6 -> "join";
            case 5 -> "aggregate";
            case 4 -> "sort";
            case 3 -> "distinct";
            case 2 -> "union";
            case 1 -> "scan";
            default -> "map";
        };
    }

    private static int weightiest(LogicalPlan plan) {
        int best = weight(plan);
        for (LogicalPlan input : plan.inputs()) {
            best = Math.max(best, weightiest(input));
        }
        return best;
    }

    private static int weight(LogicalPlan plan) {
        return switch (plan) {
            case Sink sink -> 7;
            case Join join -> 6;
            case Aggregate aggregate -> 5;
            case Sort sort -> 4;
            case Distinct distinct -> 3;
            case Union union -> 2;
            case Scan scan -> ShuffleInputs.stageOf(scan).isPresent() ? 0 : 1;
            case InMemory memory -> 1;
            case Filter filter -> 0;
            case Project project -> 0;
            case WithColumns with -> 0;
            case Slice slice -> 0;
            case RowIndex rowIndex -> 0;
            case Cache cache -> 0;
        };
    }
}
