package dev.floe.plan.logical;

import dev.floe.core.types.Schema;
import java.util.List;

/**
 * A resolved, typed query plan: a tree of relational operators whose output schemas are known. The resolver
 * builds it from what the user wrote, the optimizer rewrites it, the local executor and the distributed
 * planner consume it. Nodes are records validated on construction; {@link #schema()} is derived from the
 * inputs, so a rewrite that keeps a node's meaning keeps its schema.
 */
public sealed interface LogicalPlan
        permits Scan, InMemory, Filter, Project, WithColumns, Aggregate, Join, Sort, Slice, Distinct, Union,
        RowIndex, Cache, Sink {

    Schema schema();

    /** The direct inputs, in order. */
    List<LogicalPlan> inputs();

    /** The same node over new inputs (same count and order as {@link #inputs()}). */
    LogicalPlan withInputs(List<LogicalPlan> inputs);
}
