package dev.floe.exec.join;

import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.LogicalPlan;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the physical planner gets a hash join's build side: by default it builds it every time, as one query on
 * one machine needs; a host running several tasks of one plan fragment at once may hand one build to all of them
 * when the side reads the same rows in every task.
 */
@FunctionalInterface
public interface BuildSides {
    /** Builds every side anew. */
    BuildSides UNSHARED = (side, keys, build) -> build.get();

    /**
     * The build side of plan {@code side} hashed on {@code keys} (expressions over its schema): {@code build}'s
     * result, or an equal one built before.
     */
    BuiltSide obtain(LogicalPlan side, List<LogicalExpr> keys, Supplier<BuiltSide> build);
}
