package dev.floe.exec.planner;

import dev.floe.exec.pipeline.ConcatSource;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Union;
import java.util.ArrayList;
import java.util.List;

/** concat: every input's rows, input after input, streamed as one source over all the inputs' morsels. */
final class UnionPlanner {
    private UnionPlanner() {
    }

    static Pipeline plan(Union union, PhysicalPlanner planner) {
        List<Pipeline> inputs = new ArrayList<>();
        for (LogicalPlan input : union.inputs()) {
            inputs.add(planner.plan(input));
        }
        return Pipeline.of(new ConcatSource(union.schema(), inputs));
    }
}
