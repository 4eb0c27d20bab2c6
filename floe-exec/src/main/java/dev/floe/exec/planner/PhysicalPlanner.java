package dev.floe.exec.planner;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.pipeline.CollectSink;
import dev.floe.exec.pipeline.ExecutionContext;
import dev.floe.exec.pipeline.InMemorySource;
import dev.floe.exec.pipeline.Pipeline;
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
import dev.floe.plan.optimizer.RowCountSource;
import dev.floe.plan.optimizer.rule.CardinalityEstimator;
import java.util.List;

/**
 * Turns a logical plan into pipelines, one small planner per node type. Streaming nodes extend their input's
 * pipeline with an operator; pipeline breakers run their input's pipeline into a sink (in parallel) and start
 * a new pipeline from the result.
 */
public final class PhysicalPlanner {
    private final ExecutionContext context;
    private final CardinalityEstimator estimator;

    public PhysicalPlanner(ExecutionContext context) {
        this.context = context;
        this.estimator = new CardinalityEstimator(RowCountSource.fromTables(context.tables()).memoized());
    }

    /** The optimizer's rough row-count estimate of a plan (negative when unknown), for physical choices. */
    public double estimatedRows(LogicalPlan node) {
        return estimator.rows(node);
    }

    public ExecutionContext context() {
        return context;
    }

    public Pipeline plan(LogicalPlan node) {
        return switch (node) {
            case Scan scan -> ScanPlanner.plan(scan, this);
            case InMemory memory -> source(memory.schema(), memory.batches());
            case Filter filter -> FilterPlanner.plan(filter, this);
            case Project project -> ProjectPlanner.plan(project, this);
            case WithColumns withColumns -> ProjectPlanner.plan(withColumns, this);
            case Aggregate aggregate -> AggregatePlanner.plan(aggregate, this);
            case Join join -> JoinPlanner.plan(join, this);
            case Sort sort -> SortPlanner.plan(sort, this);
            case Slice slice -> SlicePlanner.plan(slice, this);
            case Distinct distinct -> DistinctPlanner.plan(distinct, this);
            case Union union -> UnionPlanner.plan(union, this);
            case RowIndex rowIndex -> RowIndexPlanner.plan(rowIndex, this);
            case Cache cache -> source(cache.schema(), CachePlanner.batches(cache, this));
            case Sink sink -> throw FloeException.internal("a sink can only be the root of a plan");
        };
    }

    /** A pipeline reading batches already in memory, cut into morsels. */
    public Pipeline source(Schema schema, List<Batch> batches) {
        return Pipeline.of(new InMemorySource(schema, batches, context.batchSize()));
    }

    /** Runs the node's pipelines and returns its rows in order. */
    public List<Batch> materialize(LogicalPlan node) {
        return CollectSink.collect(context, plan(node));
    }

    /** Runs the node's pipelines and returns its rows as one batch. */
    public Batch materializeOne(LogicalPlan node) {
        return Vectors.concatBatches(node.schema(), materialize(node));
    }
}
