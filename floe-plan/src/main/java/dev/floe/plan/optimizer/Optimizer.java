package dev.floe.plan.optimizer;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.optimizer.rule.CommonSubexpressionElimination;
import dev.floe.plan.optimizer.rule.CommonSubplanElimination;
import dev.floe.plan.optimizer.rule.CrossJoinToInnerJoin;
import dev.floe.plan.optimizer.rule.JoinBuildSide;
import dev.floe.plan.optimizer.rule.PredicatePushdown;
import dev.floe.plan.optimizer.rule.ProjectionPushdown;
import dev.floe.plan.optimizer.rule.RemoveNoOpNodes;
import dev.floe.plan.optimizer.rule.SemiJoinReduction;
import dev.floe.plan.optimizer.rule.SimplifyExpressions;
import dev.floe.plan.optimizer.rule.SlicePushdown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a logical plan into a cheaper one with the same result and schema by running ordered batches of
 * {@link OptimizerRule}s. After every rule the output schema is checked; a rule that changes it or fails is
 * named in the {@link FloeException}. Any rule can be disabled by its name through {@link OptimizerOptions}.
 */
public final class Optimizer {
    private static final System.Logger LOGGER = System.getLogger(Optimizer.class.getName());

    private final OptimizerOptions options;
    private final List<RuleBatch> batches;

    public Optimizer() {
        this(OptimizerOptions.defaults());
    }

    public Optimizer(OptimizerOptions options) {
        this(options, defaultBatches(options));
    }

    /** A custom pipeline (tests, experiments); disabled names must name rules of these batches. */
    public Optimizer(OptimizerOptions options, List<RuleBatch> batches) {
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.batches = List.copyOf(batches);
        List<String> known = namesOf(this.batches);
        for (String disabled : options.disabledRules()) {
            if (!known.contains(disabled)) {
                throw FloeException.invalidArgument("unknown optimizer rule '" + disabled + "'; the rules are "
                        + known);
            }
        }
    }

    /** The default pipeline: simplify, push filters and slices down to a fixed point, prune, share, order joins. */
    public static List<RuleBatch> defaultBatches(OptimizerOptions options) {
        SimplifyExpressions simplify = new SimplifyExpressions();
        RemoveNoOpNodes removeNoOps = new RemoveNoOpNodes();
        return List.of(
                new RuleBatch("simplify", new BatchStrategy.Once(), List.of(simplify, removeNoOps)),
                new RuleBatch("pushdown", new BatchStrategy.FixedPoint(10), List.of(new PredicatePushdown(),
                        new CrossJoinToInnerJoin(), simplify, new SlicePushdown(), removeNoOps)),
                new RuleBatch("prune", new BatchStrategy.Once(), List.of(new ProjectionPushdown(), removeNoOps)),
                // the semi join reduction shares its small side through a Cache, after the common subplans are cut
                new RuleBatch("share", new BatchStrategy.Once(), List.of(new CommonSubexpressionElimination(),
                        new CommonSubplanElimination(), new SemiJoinReduction(options.rowCounts()))),
                new RuleBatch("joins", new BatchStrategy.Once(), List.of(new JoinBuildSide(options.rowCounts()), removeNoOps)));
    }

    /** The names of the default pipeline's rules, in first-run order. */
    public static List<String> ruleNames() {
        return namesOf(defaultBatches(OptimizerOptions.defaults()));
    }

    /** The names of this optimizer's rules, in first-run order. */
    public List<String> pipelineRuleNames() {
        return namesOf(batches);
    }

    private static List<String> namesOf(List<RuleBatch> batches) {
        Set<String> names = new LinkedHashSet<>();
        for (RuleBatch batch : batches) {
            for (OptimizerRule rule : batch.rules()) {
                names.add(rule.name());
            }
        }
        return new ArrayList<>(names);
    }

    public LogicalPlan optimize(LogicalPlan plan) {
        LogicalPlan current = plan;
        for (RuleBatch batch : batches) {
            current = runBatch(batch, current);
        }
        return current;
    }

    private LogicalPlan runBatch(RuleBatch batch, LogicalPlan plan) {
        LogicalPlan current = plan;
        int maxIterations = batch.strategy().maxIterations();
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            boolean changed = false;
            for (OptimizerRule rule : batch.rules()) {
                if (options.disabledRules().contains(rule.name())) {
                    continue;
                }
                Transformed<LogicalPlan> result = apply(rule, current);
                if (result.changed()) {
                    changed = true;
                    current = result.value();
                }
            }
            if (!changed) {
                return current;
            }
            if (iteration == maxIterations && maxIterations > 1) {
                LOGGER.log(System.Logger.Level.DEBUG, "optimizer batch ''{0}'' still changing after {1} iterations",
                        batch.name(), maxIterations);
            }
        }
        return current;
    }

    private Transformed<LogicalPlan> apply(OptimizerRule rule, LogicalPlan plan) {
        Schema before = plan.schema();
        Transformed<LogicalPlan> result;
        try {
            result = rule.rewrite(plan);
        } catch (RuntimeException e) {
            throw new FloeException(ErrorCode.INTERNAL, "internal error (a bug in Floe): optimizer rule '"
                    + rule.name() + "' failed: " + e, e);
        }
        if (result == null) {
            throw FloeException.internal("optimizer rule '" + rule.name() + "' returned no plan");
        }
        Schema after = result.value().schema();
        if (!after.equals(before)) {
            throw FloeException.internal("optimizer rule '" + rule.name() + "' changed the output schema from "
                    + before + " to " + after);
        }
        if (options.debug() && result.changed()) {
            String diff = PlanText.diff(PlanText.render(plan), PlanText.render(result.value()));
            LOGGER.log(System.Logger.Level.INFO, "optimizer rule ''{0}'' changed the plan:\n{1}", rule.name(), diff);
        }
        return result;
    }
}
