package dev.floe.exec.planner;

import dev.floe.core.vector.Batch;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Union;
import java.util.ArrayList;
import java.util.List;

/** concat: every input's rows, input after input. */
final class UnionPlanner {
    private UnionPlanner() {
    }

    static Pipeline plan(Union union, PhysicalPlanner planner) {
        List<Batch> batches = new ArrayList<>();
        for (LogicalPlan input : union.inputs()) {
            for (Batch batch : planner.materialize(input)) {
                batches.add(batch.withSchema(union.schema()));
            }
        }
        return planner.source(union.schema(), batches);
    }
}
