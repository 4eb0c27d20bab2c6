package dev.floe.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.plan.TestPlans;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.join.BuildSides;
import dev.floe.exec.join.BuiltSide;
import dev.floe.exec.join.JoinHashTable;
import dev.floe.plan.expr.LogicalExpr;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.LogicalPlan;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The worker's shared join build sides: tasks of one stage asking for the same side get one build (a task
 * arriving while it is built waits for it), a failed build reaches every waiting task and is not kept, a canceled
 * builder leaves the build to a waiting task, a query's sides go when it ends, and the byte budget holds.
 */
class BuildSideCacheTest {
    private static final InMemory SIDE = TestPlans.names(4);
    private static final List<LogicalExpr> KEYS = List.of(new LogicalExpr.Column("k", DataType.INT64));

    /** A build that counts its runs and gives a side of {@code rows} rows. */
    private static final class CountingBuild implements Supplier<BuiltSide> {
        final AtomicInteger runs = new AtomicInteger();
        private final int rows;

        CountingBuild(int rows) {
            this.rows = rows;
        }

        @Override
        public BuiltSide get() {
            runs.incrementAndGet();
            return side(rows);
        }
    }

    private static BuiltSide side(int rows) {
        Batch batch = TestPlans.names(rows).batches().getFirst();
        List<Vector> keys = List.of(batch.column(0));
        return new BuiltSide(batch, new JoinHashTable(keys, List.of(DataType.INT64), batch.rowCount()));
    }

    private static BuildSideCache.Key key(long query, int stage) {
        return new BuildSideCache.Key(query, stage, SIDE, KEYS);
    }

    @Test
    void aTaskArrivingWhileTheSideIsBuiltWaitsAndGetsTheSameBuild() throws Exception {
        BuildSideCache cache = new BuildSideCache(1 << 20);
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        Supplier<BuiltSide> slow = () -> {
            builds.incrementAndGet();
            building.countDown();
            await(release);
            return side(4);
        };
        try (ExecutorService tasks = Executors.newFixedThreadPool(2)) {
            Future<BuiltSide> first = tasks.submit(() -> cache.obtain(key(1, 2), slow));
            assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
            Future<BuiltSide> second = tasks.submit(() -> cache.obtain(key(1, 2), slow));
            release.countDown();
            assertThat(second.get()).isSameAs(first.get());
        }
        assertThat(builds.get()).isEqualTo(1);
        assertThat(cache.obtain(key(1, 2), new CountingBuild(4))).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.keptBytes()).isEqualTo(side(4).estimatedBytes());
    }

    @Test
    void anotherStageOrQueryGetsItsOwnBuild() {
        BuildSideCache cache = new BuildSideCache(1 << 20);
        CountingBuild build = new CountingBuild(4);
        cache.obtain(key(1, 2), build);
        cache.obtain(key(1, 3), build);
        cache.obtain(key(2, 2), build);
        cache.obtain(key(1, 2), build);
        assertThat(build.runs.get()).isEqualTo(3);
    }

    @Test
    void aFailedBuildReachesTheWaitingTaskAndARetryBuildsAgain() throws Exception {
        BuildSideCache cache = new BuildSideCache(1 << 20);
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<BuiltSide> failing = () -> {
            building.countDown();
            await(release);
            throw new FloeException(ErrorCode.IO_ERROR, "corrupt broadcast file");
        };
        CountingBuild never = new CountingBuild(4);
        try (ExecutorService tasks = Executors.newFixedThreadPool(2)) {
            Future<BuiltSide> first = tasks.submit(() -> cache.obtain(key(1, 2), failing));
            assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
            Future<BuiltSide> second = waiting(() -> cache.obtain(key(1, 2), never));
            release.countDown();
            assertThatThrownBy(first::get).hasCauseInstanceOf(FloeException.class)
                    .hasMessageContaining("corrupt broadcast file");
            assertThatThrownBy(second::get).hasCauseInstanceOf(FloeException.class)
                    .hasMessageContaining("corrupt broadcast file");
            assertThat(((FloeException) catchCause(second)).code()).isEqualTo(ErrorCode.IO_ERROR);
        }
        assertThat(never.runs.get()).isZero();
        assertThat(cache.size()).isZero();
        CountingBuild retry = new CountingBuild(4);
        assertThat(cache.obtain(key(1, 2), retry).rows().rowCount()).isEqualTo(4);
        assertThat(retry.runs.get()).isEqualTo(1);
    }

    @Test
    void aCanceledBuilderLeavesTheBuildToTheWaitingTask() throws Exception {
        BuildSideCache cache = new BuildSideCache(1 << 20);
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<BuiltSide> canceled = () -> {
            building.countDown();
            await(release);
            throw new FloeException(ErrorCode.CANCELED, "task stopped");
        };
        CountingBuild waiter = new CountingBuild(4);
        try (ExecutorService tasks = Executors.newFixedThreadPool(2)) {
            Future<BuiltSide> first = tasks.submit(() -> cache.obtain(key(1, 2), canceled));
            assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
            Future<BuiltSide> second = waiting(() -> cache.obtain(key(1, 2), waiter));
            release.countDown();
            assertThatThrownBy(first::get).hasMessageContaining("task stopped");
            assertThat(second.get().rows().rowCount()).isEqualTo(4);
        }
        assertThat(waiter.runs.get()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theSidesOfAQueryGoWhenItEnds() {
        BuildSideCache cache = new BuildSideCache(1 << 20);
        CountingBuild build = new CountingBuild(4);
        cache.obtain(key(1, 2), build);
        cache.obtain(key(1, 3), build);
        cache.obtain(key(2, 2), build);
        cache.dropQuery(1);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.keptBytes()).isEqualTo(side(4).estimatedBytes());
        cache.obtain(key(1, 2), build);
        assertThat(build.runs.get()).isEqualTo(4);
        cache.dropQuery(1);
        cache.dropQuery(2);
        assertThat(cache.size()).isZero();
        assertThat(cache.keptBytes()).isZero();
    }

    @Test
    void theOldestSidesGoWhenTheBudgetIsExceededAndATooLargeSideIsNotKept() {
        long oneSide = side(100).estimatedBytes();
        BuildSideCache cache = new BuildSideCache(2 * oneSide);
        CountingBuild build = new CountingBuild(100);
        cache.obtain(key(1, 1), build);
        cache.obtain(key(1, 2), build);
        cache.obtain(key(1, 3), build);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.keptBytes()).isEqualTo(2 * oneSide);
        cache.obtain(key(1, 3), build);
        cache.obtain(key(1, 2), build);
        assertThat(build.runs.get()).isEqualTo(3);
        cache.obtain(key(1, 1), build);
        assertThat(build.runs.get()).isEqualTo(4);

        BuildSideCache tiny = new BuildSideCache(oneSide / 2);
        CountingBuild large = new CountingBuild(100);
        assertThat(tiny.obtain(key(1, 1), large).rows().rowCount()).isEqualTo(100);
        tiny.obtain(key(1, 1), large);
        assertThat(large.runs.get()).isEqualTo(2);
        assertThat(tiny.size()).isZero();
        assertThat(tiny.keptBytes()).isZero();
    }

    @Test
    void aTaskSharesOnlyTheSidesItsKeyFunctionNames() {
        BuildSideCache cache = new BuildSideCache(1 << 20);
        LogicalPlan own = TestPlans.names(5);
        BuildSides first = cache.forTask(1, 2, side -> side == SIDE ? Optional.of(SIDE) : Optional.empty());
        BuildSides second = cache.forTask(1, 2, side -> side == SIDE ? Optional.of(SIDE) : Optional.empty());
        CountingBuild build = new CountingBuild(4);
        first.obtain(SIDE, KEYS, build);
        second.obtain(SIDE, KEYS, build);
        first.obtain(own, KEYS, build);
        second.obtain(own, KEYS, build);
        assertThat(build.runs.get()).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    /**
     * Runs {@code task} on a thread of its own and returns once that thread waits (for the build in progress), so a
     * test releases the build only after the second task has joined it.
     */
    private static <T> Future<T> waiting(Callable<T> task) throws InterruptedException {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = Thread.ofPlatform().daemon().start(future);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && !future.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second task never waited for the build; state " + thread.getState());
            }
            Thread.sleep(1);
        }
        return future;
    }

    private static Throwable catchCause(Future<?> future) {
        try {
            future.get();
            throw new AssertionError("expected a failure");
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
