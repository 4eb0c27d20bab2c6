package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.join.BuildSides;
import dev.floe.exec.join.BuiltSide;
import dev.floe.exec.pipeline.CollectSink;
import dev.floe.exec.pipeline.ExecutionContext;
import dev.floe.exec.planner.PhysicalPlanner;
import dev.floe.io.TableOpener;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Join;
import dev.floe.plan.logical.JoinType;
import dev.floe.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hash joins whose build side comes from a {@link BuildSides} that hands one build to several runs, as a worker
 * does for the tasks of one stage: every join type must give the same rows as with its own build, also when the
 * runs probe the shared side at the same time, and per-run state (a full join's matched build rows, the flags of
 * a semi join built on the left) must stay per run.
 */
class SharedBuildSideTest {
    private static final InMemory SMALL = frame(
            column("id", DataType.INT64, 2L, 1L, null, 2L, 7L),
            column("name", DataType.STRING, "two", "one", "none", "two again", "seven"));
    private static final InMemory LARGE = frame(
            column("id", DataType.INT64, 2L, 4L, 2L, null, 5L, 6L, 7L, 2L, 8L, 9L, 10L, 11L),
            column("value", DataType.STRING, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"));

    /** Shares builds by (plan, keys), counting how many it made. */
    private static final class CountingSides implements BuildSides {
        private final Map<List<Object>, BuiltSide> built = new ConcurrentHashMap<>();
        private final AtomicInteger builds = new AtomicInteger();

        @Override
        public BuiltSide obtain(LogicalPlan side, List<LogicalExpr> keys, Supplier<BuiltSide> build) {
            return built.computeIfAbsent(List.of(side, keys), key -> {
                builds.incrementAndGet();
                return build.get();
            });
        }
    }

    private static Join join(LogicalPlan left, LogicalPlan right, JoinType type) {
        return new Join(left, right, type, List.of(col("id", DataType.INT64)), List.of(col("id", DataType.INT64)),
                "_right");
    }

    /** Every join type, on the right build (large left) and the left build (small left) paths. */
    private static List<Join> joins() {
        List<Join> joins = new ArrayList<>();
        for (JoinType type : List.of(JoinType.INNER, JoinType.LEFT, JoinType.RIGHT, JoinType.FULL, JoinType.SEMI,
                JoinType.ANTI)) {
            joins.add(join(LARGE, SMALL, type));
            joins.add(join(SMALL, LARGE, type));
        }
        return joins;
    }

    private static List<List<Object>> run(LogicalPlan plan, BuildSides sides, ExecutorService pool) {
        ExecutionContext context = new ExecutionContext(new ExecutionOptions(2, 2), pool, TableOpener.FILES, sides);
        return TestPlans.rows(Vectors.concatBatches(plan.schema(),
                CollectSink.collect(context, new PhysicalPlanner(context).plan(plan))));
    }

    @Test
    void aSecondRunReusesTheBuildAndGetsTheSameRows() {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Join plan : joins()) {
                List<List<Object>> expected = run(plan, BuildSides.UNSHARED, pool);
                CountingSides sides = new CountingSides();
                assertThat(run(plan, sides, pool)).as(plan.type() + " first run").isEqualTo(expected);
                assertThat(run(plan, sides, pool)).as(plan.type() + " second run").isEqualTo(expected);
                assertThat(sides.builds.get()).as(plan.type() + " builds").isEqualTo(1);
            }
        }
    }

    @Test
    void runsProbingOneSideAtOnceEachGetTheirOwnRows() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4);
                ExecutorService tasks = Executors.newFixedThreadPool(4)) {
            for (Join plan : joins()) {
                List<List<Object>> expected = run(plan, BuildSides.UNSHARED, pool);
                CountingSides sides = new CountingSides();
                run(plan, sides, pool);
                List<Future<List<List<Object>>>> runs = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    runs.add(tasks.submit(() -> run(plan, sides, pool)));
                }
                for (Future<List<List<Object>>> rows : runs) {
                    assertThat(rows.get()).as(plan.type().toString()).isEqualTo(expected);
                }
                assertThat(sides.builds.get()).isEqualTo(1);
            }
        }
    }

    @Test
    void theDefaultBuildsEveryTime() {
        AtomicInteger builds = new AtomicInteger();
        BuildSides counting = (side, keys, build) -> {
            builds.incrementAndGet();
            return BuildSides.UNSHARED.obtain(side, keys, build);
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Join plan = join(LARGE, SMALL, JoinType.INNER);
            assertThat(run(plan, counting, pool)).isEqualTo(run(plan, counting, pool));
        }
        assertThat(builds.get()).isEqualTo(2);
    }
}
