package dev.floe.plan.optimizer.rule;

import static dev.floe.plan.optimizer.PlanBuilder.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.logical.Project;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.optimizer.RowCountSource;
import dev.floe.plan.optimizer.Transformed;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JoinBuildSideTest {
    /** Row counts by first path; unknown for other sources. */
    private static RowCountSource rows(Map<String, Long> counts) {
        return source -> counts.containsKey(source.paths().getFirst())
                ? OptionalLong.of(counts.get(source.paths().getFirst())) : OptionalLong.empty();
    }

    private final Scan small = scan("small", "k", "a", "s");
    private final Scan large = scan("large", "k", "a", "l");

    @Test
    void smallLeftSideIsSwappedToTheBuildSideWithColumnsRestored() {
        JoinBuildSide rule = new JoinBuildSide(rows(Map.of("small", 10L, "large", 1_000_000L)));
        Join join = join(small, large, JoinType.INNER, "k", "k");

        Transformed<LogicalPlan> result = rule.rewrite(join);

        assertThat(result.changed()).isTrue();
        assertThat(result.value().schema()).isEqualTo(join.schema());
        Join swapped = only(result.value(), Join.class);
        assertThat(swapped.left()).isEqualTo(large);
        assertThat(swapped.right()).isEqualTo(small);
        assertThat(result.value()).isInstanceOf(Project.class);
    }

    @Test
    void filtersReduceTheEstimate() {
        CardinalityEstimator estimator = new CardinalityEstimator(rows(Map.of("large", 1000L)));
        assertThat(estimator.rows(filter(large, eq(col("a"), lit(1))))).isEqualTo(100.0);
        assertThat(estimator.rows(small)).isNegative();
    }

    @Test
    void doesNotSwapUnknownSimilarOrNonInnerJoins() {
        JoinBuildSide rule = new JoinBuildSide(rows(Map.of("small", 10L, "large", 1_000_000L)));
        assertThat(new JoinBuildSide(rows(Map.of())).rewrite(join(small, large, JoinType.INNER, "k", "k")).changed())
                .isFalse();
        assertThat(rule.rewrite(join(large, small, JoinType.INNER, "k", "k")).changed()).isFalse();
        assertThat(rule.rewrite(join(small, large, JoinType.LEFT, "k", "k")).changed()).isFalse();
        JoinBuildSide similar = new JoinBuildSide(rows(Map.of("small", 900L, "large", 1000L)));
        assertThat(similar.rewrite(join(small, large, JoinType.INNER, "k", "k")).changed()).isFalse();
    }

    @Test
    void eachSourceIsAskedOnce() {
        java.util.List<String> asked = new java.util.ArrayList<>();
        RowCountSource counting = source -> {
            asked.add(source.paths().getFirst());
            return OptionalLong.of(source.paths().getFirst().equals("small") ? 10 : 1000);
        };
        LogicalPlan nested = join(join(small, large, JoinType.INNER, "k", "k"), scan("large", "k"), JoinType.INNER,
                "k", "k");

        new JoinBuildSide(counting).rewrite(nested);

        assertThat(asked).containsExactlyInAnyOrder("small", "large");
    }
}
