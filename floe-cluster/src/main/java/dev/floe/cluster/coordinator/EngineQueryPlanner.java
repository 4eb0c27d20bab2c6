package dev.floe.cluster.coordinator;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.TableCache;
import dev.floe.cluster.TimingTrace;
import dev.floe.cluster.plan.DistributedPlanner;
import dev.floe.cluster.plan.StageGraph;
import dev.floe.cluster.plan.StageGraphText;
import dev.floe.cluster.plan.StageLabel;
import dev.floe.cluster.plan.StageJobs;
import dev.floe.io.TableOpener;
import dev.floe.plan.codec.DslCodec;
import dev.floe.plan.codec.PlanCodec;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.optimizer.Optimizer;
import dev.floe.plan.optimizer.OptimizerOptions;
import dev.floe.plan.resolve.Resolver;

/**
 * Plans submitted serialized logical plans or DSL plans: decode (a malformed plan is an INVALID_PLAN error),
 * resolve a DSL plan (user errors keep their code and message; footers come from the {@link TableCache}, each
 * source opened once per query: {@link PlanningTables}), optimize, cut into a stage graph with the
 * {@link DistributedPlanner}, and encode each partition's fragment for the engine runner.
 */
public final class EngineQueryPlanner implements QueryPlanner {
    private final TableOpener tables;

    public EngineQueryPlanner() {
        this(TableCache.SHARED);
    }

    /** A planner whose queries open their tables with {@code tables} (each source once per query). */
    EngineQueryPlanner(TableOpener tables) {
        this.tables = tables;
    }

    @Override
    public Planned plan(byte[] serializedPlan, DistributedOptions options, int workers) {
        PlanningTables queryTables = new PlanningTables(tables);
        return planOptimized(optimizer(queryTables).optimize(PlanCodec.decode(serializedPlan)), options, workers,
                queryTables);
    }

    /** Decodes the DSL, resolves it against the sources' real schemas, optimizes and plans it. */
    @Override
    public Planned planDsl(byte[] serializedDsl, DistributedOptions options, int workers) {
        PlanningTables queryTables = new PlanningTables(tables);
        LogicalPlan resolved = new Resolver(source -> queryTables.open(source).schema())
                .resolve(DslCodec.decode(serializedDsl));
        TimingTrace.log("resolved");
        LogicalPlan optimized = optimizer(queryTables).optimize(resolved);
        TimingTrace.log("optimized");
        return planOptimized(optimized, options, workers, queryTables);
    }

    /** The default optimizer, with row counts from the query's opened tables. */
    private static Optimizer optimizer(PlanningTables queryTables) {
        return new Optimizer(OptimizerOptions.defaults().withRowCounts(queryTables.rowCounts()));
    }

    private Planned planOptimized(LogicalPlan plan, DistributedOptions options, int workers,
            PlanningTables queryTables) {
        StageGraph graph = new DistributedPlanner(options, workers, queryTables.splitter()).plan(plan);
        TimingTrace.log("stage graph cut");
        return new Planned(StageJobs.of(graph, PlanCodec::encode), StageGraphText.text(graph),
                graph.stages().stream().map(StageLabel::of).toList(), StageJobs.adaptive(graph, PlanCodec::encode));
    }
}
