package dev.floe.plan.optimizer;

import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Plan traversal shared by the rules. */
public final class Plans {
    private Plans() {
    }

    /** Rewrites inputs first, then the node itself; unchanged subtrees keep their identity. */
    public static LogicalPlan transformUp(LogicalPlan plan, UnaryOperator<LogicalPlan> rewrite) {
        return rewrite.apply(withRewrittenInputs(plan, input -> transformUp(input, rewrite)));
    }

    /** The node over its inputs rewritten by {@code rewrite} (the same node when none changed). */
    public static LogicalPlan withRewrittenInputs(LogicalPlan plan, UnaryOperator<LogicalPlan> rewrite) {
        List<LogicalPlan> inputs = plan.inputs();
        if (inputs.isEmpty()) {
            return plan;
        }
        List<LogicalPlan> rewritten = new ArrayList<>(inputs.size());
        boolean changed = false;
        for (LogicalPlan input : inputs) {
            LogicalPlan next = rewrite.apply(input);
            changed |= next != input;
            rewritten.add(next);
        }
        return changed ? plan.withInputs(rewritten) : plan;
    }
}
