package dev.floe.cluster.coordinator;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.plan.DistributedPlanner;
import dev.floe.cluster.plan.ScanSplitter;
import dev.floe.cluster.plan.StageGraph;
import dev.floe.cluster.plan.StageGraphText;
import dev.floe.cluster.plan.StageJobs;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.optimizer.Optimizer;

/**
 * Plans submitted serialized logical plans: decode (a malformed plan is an INVALID_PLAN error), optimize, cut
 * into a stage graph with the {@link DistributedPlanner}, and encode each partition's fragment for the engine
 * runner.
 */
public final class EngineQueryPlanner implements QueryPlanner {
    private final ScanSplitter splitter;

    public EngineQueryPlanner() {
        this.splitter = ScanSplitter.fromTableSources();
    }

    @Override
    public Planned plan(byte[] serializedPlan, DistributedOptions options, int workers) {
        LogicalPlan plan = new Optimizer().optimize(PlanCodec.decode(serializedPlan));
        StageGraph graph = new DistributedPlanner(options, workers, splitter).plan(plan);
        return new Planned(StageJobs.of(graph, PlanCodec::encode), StageGraphText.text(graph));
    }
}
