package dev.floe.plan.optimizer;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.plan.logical.Filter;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Slice;
import dev.floe.plan.logical.Sort;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    private static final OptimizerOptions OPTIONS = OptimizerOptions.defaults()
            .withRowCounts(source -> OptionalLong.empty());

    /** A rule that drops the last column: it breaks the schema on purpose. */
    private static final class DropLastColumn implements OptimizerRule {
        public String name() {
            return "drop_last_column";
        }

        public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
            List<String> names = plan.schema().names();
            return Transformed.yes(select(plan, names.subList(0, names.size() - 1).toArray(String[]::new)));
        }
    }

    /** A rule that always reports a change, counting its calls. */
    private static final class NeverSettles implements OptimizerRule {
        int calls;

        public String name() {
            return "never_settles";
        }

        public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
            calls++;
            return Transformed.yes(plan);
        }
    }

    /** A rule that throws. */
    private static final class Failing implements OptimizerRule {
        public String name() {
            return "failing_rule";
        }

        public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void ruleNamesAreListedInOrder() {
        assertThat(Optimizer.ruleNames()).containsExactly("simplify_expressions", "remove_no_op_nodes",
                "push_down_predicates", "cross_join_to_inner_join", "push_down_slices", "push_down_projections",
                "eliminate_common_subexpressions", "eliminate_common_subplans", "reduce_aggregate_by_semi_join",
                "choose_join_build_side");
    }

    @Test
    void optimizesAWholePlan() {
        LogicalPlan plan = new Slice(select(filter(sort(scan("t", "a", "b", "c"), "a"),
                and(gt(col("b"), lit(1)), lit(true))), "a"), 0, 5);

        LogicalPlan result = new Optimizer(OPTIONS).optimize(plan);

        assertThat(result.schema()).isEqualTo(plan.schema());
        Scan scan = only(result, Scan.class);
        assertThat(scan.predicate()).isEqualTo(gt(col("b"), lit(1)));
        assertThat(scan.projection()).containsExactly("a");
        assertThat(only(result, Sort.class).limit()).isEqualTo(5);
        assertThat(find(result, Filter.class)).isEmpty();
    }

    @Test
    void disabledRulesDoNotRun() {
        LogicalPlan plan = filter(scan("t", "a"), gt(col("a"), lit(1)));
        Optimizer optimizer = new Optimizer(OPTIONS.withDisabledRules(Set.of("push_down_predicates")));

        LogicalPlan result = optimizer.optimize(plan);

        assertThat(result).isInstanceOf(Filter.class);
        assertThat(only(result, Scan.class).predicate()).isNull();
    }

    @Test
    void unknownRuleNameIsAnInvalidArgumentListingTheRules() {
        assertThatThrownBy(() -> new Optimizer(OPTIONS.withDisabledRules(Set.of("push_down_everything"))))
                .isInstanceOfSatisfying(FloeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("push_down_everything").contains("push_down_predicates");
                });
    }

    @Test
    void aRuleChangingTheSchemaIsNamedInAnInternalError() {
        Optimizer optimizer = new Optimizer(OPTIONS, List.of(new RuleBatch("broken", new BatchStrategy.Once(),
                List.of(new DropLastColumn()))));

        assertThatThrownBy(() -> optimizer.optimize(memory("a", "b")))
                .isInstanceOfSatisfying(FloeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).contains("drop_last_column").contains("schema");
                });
    }

    @Test
    void aFailingRuleIsNamedInTheError() {
        Optimizer optimizer = new Optimizer(OPTIONS, List.of(new RuleBatch("broken", new BatchStrategy.Once(),
                List.of(new Failing()))));

        assertThatThrownBy(() -> optimizer.optimize(memory("a")))
                .isInstanceOfSatisfying(FloeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                    assertThat(e.getMessage()).contains("failing_rule").contains("boom");
                });
    }

    @Test
    void fixedPointBatchesStopAtTheirBound() {
        NeverSettles rule = new NeverSettles();
        Optimizer optimizer = new Optimizer(OPTIONS, List.of(new RuleBatch("loop", new BatchStrategy.FixedPoint(4),
                List.of(rule))));

        optimizer.optimize(memory("a"));

        assertThat(rule.calls).isEqualTo(4);
    }

    @Test
    void fixedPointBatchesStopWhenNothingChanges() {
        NeverSettles counter = new NeverSettles();
        OptimizerRule quiet = new OptimizerRule() {
            public String name() {
                return "quiet";
            }

            public Transformed<LogicalPlan> rewrite(LogicalPlan plan) {
                counter.calls++;
                return Transformed.no(plan);
            }
        };
        new Optimizer(OPTIONS, List.of(new RuleBatch("b", new BatchStrategy.FixedPoint(10), List.of(quiet))))
                .optimize(memory("a"));
        assertThat(counter.calls).isEqualTo(1);
    }

    @Test
    void debugModeStillOptimizes() {
        LogicalPlan plan = filter(scan("t", "a"), and(gt(col("a"), lit(1)), lit(true)));
        LogicalPlan result = new Optimizer(OPTIONS.withDebug(true)).optimize(plan);
        assertThat(only(result, Scan.class).predicate()).isEqualTo(gt(col("a"), lit(1)));
    }

    @Test
    void fixedPointBoundMustBePositive() {
        assertThatThrownBy(() -> new BatchStrategy.FixedPoint(0)).isInstanceOf(FloeException.class);
    }

    @Test
    void planTextDiffShowsRemovedAndAddedLines() {
        String diff = PlanText.diff(PlanText.render(filter(memory("a"), gt(col("a"), lit(1)))),
                PlanText.render(memory("a")));
        assertThat(diff).startsWith("- Filter").contains("+ InMemory").doesNotContain("+ Filter");
    }
}
