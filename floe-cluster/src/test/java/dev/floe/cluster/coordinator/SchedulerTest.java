package dev.floe.cluster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.QueryStatus;
import dev.floe.cluster.ResultLocation;
import dev.floe.cluster.ShuffleCompression;
import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.cluster.protocol.MissingOutput;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.cluster.protocol.QueryInfo;
import dev.floe.cluster.protocol.ShuffleLocation;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskMetrics;
import dev.floe.cluster.protocol.TaskReport;
import dev.floe.core.FloeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private long now = 0;
    private final Scheduler scheduler = new Scheduler(1000, () -> now, Path.of("results"));

    private static List<JobStage> twoStageJob(int mapPartitions, int reducePartitions) {
        return List.of(
                new JobStage(0, mapPartitions, List.of(), new Exchange.Hash(List.of("k"), reducePartitions), "test",
                        List.of(new byte[] {1})),
                new JobStage(1, reducePartitions, List.of(0), new Exchange.Result(), "test", List.of(new byte[] {2})));
    }

    /** Polls every worker and finishes their tasks until nothing is running; returns the number of rounds. */
    private int runToEnd(long query, FakeWorker... workers) {
        int rounds = 0;
        while (!scheduler.status(query).isFinal() && rounds < 100) {
            for (FakeWorker worker : workers) {
                worker.poll(4);
                worker.finishAll();
            }
            rounds++;
        }
        for (FakeWorker worker : workers) {
            worker.poll(0);
        }
        return rounds;
    }

    @Test
    void aLongPollReturnsTheTasksAnotherWorkersReportMadeReady() throws Exception {
        FakeWorker mapper = new FakeWorker(scheduler, "w1:1", 3);
        FakeWorker idle = new FakeWorker(scheduler, "w2:1", 2);
        long query = scheduler.submit(twoStageJob(3, 2), 1, "lz4", "");
        assertThat(mapper.poll(3)).hasSize(3);
        java.util.concurrent.CompletableFuture<Scheduler.PollResult> waiting = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> scheduler.poll(idle.id, 2, List.of(), 60_000));
        Thread.sleep(200);
        assertThat(waiting).as("nothing is ready for the idle worker yet").isNotDone();

        mapper.finishAll();
        scheduler.poll(mapper.id, 0, List.copyOf(mapper.outbox));
        Scheduler.PollResult woken = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(woken.tasks()).extracting(t -> t.task().stageId()).containsOnly(1).hasSize(2);
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.RUNNING);
    }

    @Test
    void aClientWaitingForItsQueryIsAnsweredWhenItEnds() throws Exception {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 8);
        long query = scheduler.submit(twoStageJob(2, 1), 1, "lz4", "");
        assertThat(scheduler.awaitInfo(query, 50).status()).isEqualTo(QueryStatus.SCHEDULED);
        java.util.concurrent.CompletableFuture<QueryInfo> waiting = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> scheduler.awaitInfo(query, 60_000));
        runToEnd(query, worker);
        assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(QueryStatus.SUCCESS);
    }

    @Test
    void aStageStartsOnlyWhenItsInputsAreComplete() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 8);
        long query = scheduler.submit(twoStageJob(3, 2), 1, "lz4", "");
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.SCHEDULED);

        List<TaskAssignment> first = worker.poll(8);
        assertThat(first).extracting(t -> t.task().stageId()).containsOnly(0).hasSize(3);
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.RUNNING);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.WAITING);

        worker.finishAll();
        List<TaskAssignment> second = worker.poll(8);
        assertThat(second).extracting(t -> t.task().stageId()).containsOnly(1).hasSize(2);
        assertThat(second.getFirst().inputs().getFirst().locations()).containsExactly(
                new ShuffleLocation("w1:1", 0), new ShuffleLocation("w1:1", 1), new ShuffleLocation("w1:1", 2));
        assertThat(second).extracting(t -> t.inputs().getFirst().reducePartition()).containsExactly(0, 1);

        worker.finishAll();
        worker.poll(8);
        QueryInfo info = scheduler.info(query);
        assertThat(info.status()).isEqualTo(QueryStatus.SUCCESS);
        assertThat(info.finishedStages()).isEqualTo(2);
        assertThat(info.totalRows()).isEqualTo(10);
        assertThat(info.resultFiles()).containsExactly("part-0", "part-1");
    }

    @Test
    void tasksGoOnlyToFreeSlots() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 2);
        scheduler.submit(twoStageJob(5, 2), 1, "lz4", "");

        assertThat(worker.poll(8)).hasSize(2);
        assertThat(worker.poll(0)).isEmpty();
        assertThat(worker.poll(1)).hasSize(1);
    }

    @Test
    void aFailedTaskIsRetriedOnAnotherWorkerThenTheQueryFails() {
        FakeWorker first = new FakeWorker(scheduler, "w1:1", 1);
        FakeWorker second = new FakeWorker(scheduler, "w2:1", 1);
        long query = scheduler.submit(List.of(new JobStage(0, 1, List.of(), new Exchange.Result(), "test",
                List.of(new byte[0]))), 1, "lz4", "");

        first.poll(1);
        first.failAll("boom");
        assertThat(first.poll(1)).as("the failed worker is avoided while another is alive").isEmpty();
        assertThat(second.poll(1)).singleElement().satisfies(t -> assertThat(t.task().attempt()).isEqualTo(1));
        second.failAll("boom again");
        second.poll(1);

        QueryInfo info = scheduler.info(query);
        assertThat(info.status()).isEqualTo(QueryStatus.FAILED);
        assertThat(info.error()).contains("stage 0 partition 0 failed 2 time(s)").contains("boom again");
        assertThat(info.failedStages()).isEqualTo(1);
    }

    @Test
    void aLostWorkersTasksAndNeededShuffleOutputAreRecomputed() {
        FakeWorker doomed = new FakeWorker(scheduler, "w1:1", 4);
        FakeWorker survivor = new FakeWorker(scheduler, "w2:1", 4);
        long query = scheduler.submit(twoStageJob(4, 2), 0, "lz4", "");

        doomed.poll(2);
        survivor.poll(2);
        doomed.finishAll();
        survivor.finishAll();
        doomed.poll(0);
        survivor.poll(0);
        assertThat(scheduler.stageStatus(query, 0)).isEqualTo(StageStatus.COMPLETE);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.RUNNING);

        now += 500;
        survivor.poll(0);
        now += 600;
        assertThat(scheduler.expireSilentWorkers()).containsExactly("w1:1");
        assertThat(scheduler.stageStatus(query, 0)).isEqualTo(StageStatus.RUNNING);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.WAITING);

        List<TaskAssignment> redo = survivor.poll(4);
        assertThat(redo).extracting(t -> t.task().stageId()).containsOnly(0).hasSize(2);
        assertThat(redo).allSatisfy(t -> assertThat(t.task().attempt()).isEqualTo(1));
        survivor.finishAll();
        List<TaskAssignment> reduce = survivor.poll(4);
        assertThat(reduce).extracting(t -> t.task().stageId()).containsOnly(1);
        assertThat(reduce.getFirst().inputs().getFirst().locations()).extracting(ShuffleLocation::address)
                .containsOnly("w2:1");
        survivor.finishAll();
        survivor.poll(0);
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.SUCCESS);
    }

    @Test
    void anOutputItsHolderNoLongerHasIsRecomputedBeforeItsReaderRunsAgain() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 4);
        FakeWorker other = new FakeWorker(scheduler, "w2:1", 4);
        long query = scheduler.submit(twoStageJob(2, 1), 0, "lz4", "");
        assertThat(worker.poll(4)).hasSize(2);
        worker.finishAll();
        List<TaskAssignment> reduce = worker.poll(4);
        assertThat(reduce).extracting(t -> t.task().stageId()).containsExactly(1);
        worker.running.clear();
        worker.outbox.add(TaskReport.missingInput(reduce.getFirst().task(), "NOT_FOUND",
                List.of(new MissingOutput(0, 1, "w1:1"))));
        // A report naming a worker that does not hold the output changes nothing.
        other.outbox.add(TaskReport.missingInput(reduce.getFirst().task(), "NOT_FOUND",
                List.of(new MissingOutput(0, 0, "w2:1"))));

        List<TaskAssignment> again = worker.poll(4);
        assertThat(again).extracting(t -> t.task().stageId(), t -> t.task().partition(), t -> t.task().attempt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, 1));
        assertThat(scheduler.stageStatus(query, 0)).isEqualTo(StageStatus.RUNNING);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.WAITING);
        assertThat(other.poll(4)).isEmpty();

        worker.finishAll();
        List<TaskAssignment> rerun = worker.poll(4);
        assertThat(rerun).extracting(t -> t.task().stageId(), t -> t.task().attempt())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1));
        worker.finishAll();
        worker.poll(0);
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.SUCCESS);
    }

    @Test
    void staleReportsOfAnEarlierAttemptAreIgnored() {
        FakeWorker slow = new FakeWorker(scheduler, "w1:1", 1);
        long query = scheduler.submit(twoStageJob(1, 1), 0, "lz4", "");
        TaskAssignment first = slow.poll(1).getFirst();
        now += 2000;
        scheduler.expireSilentWorkers();
        FakeWorker fresh = new FakeWorker(scheduler, "w2:1", 1);
        fresh.poll(1);

        long rejoined = scheduler.register("w1:1", 1);
        scheduler.poll(rejoined, 0, List.of(TaskReport.succeeded(first.task(), TaskMetrics.NONE, List.of())));
        assertThat(scheduler.stageStatus(query, 0)).isEqualTo(StageStatus.RUNNING);
        fresh.finishAll();
        fresh.poll(0);
        assertThat(scheduler.stageStatus(query, 0)).isEqualTo(StageStatus.COMPLETE);
    }

    @Test
    void concurrentQueriesAllFinishAndCancelStopsOne() {
        FakeWorker a = new FakeWorker(scheduler, "w1:1", 2);
        FakeWorker b = new FakeWorker(scheduler, "w2:1", 2);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(scheduler.submit(twoStageJob(3, 2), 0, "lz4", ""));
        }
        scheduler.cancel(ids.get(2));
        runToEnd(ids.get(3), a, b);
        for (int i = 0; i < 4; i++) {
            runToEnd(ids.get(i), a, b);
        }
        assertThat(ids).extracting(scheduler::status).containsExactly(QueryStatus.SUCCESS, QueryStatus.SUCCESS,
                QueryStatus.CANCELED, QueryStatus.SUCCESS);
        assertThat(a.history).noneMatch(t -> t.task().queryId() == ids.get(2));
        List<ProfileEntry> profile = scheduler.profile(ids.getFirst());
        assertThat(profile.stream().mapToInt(ProfileEntry::tasks).sum()).isEqualTo(5);
    }

    @Test
    void unknownWorkersAreToldToRegisterAndUnknownQueriesAreAClearError() {
        assertThat(scheduler.poll(42, 1, List.of()).known()).isFalse();
        assertThatThrownBy(() -> scheduler.info(99)).isInstanceOf(FloeException.class)
                .hasMessageContaining("no query with id 99");
        assertThatThrownBy(() -> scheduler.submit(List.of(new JobStage(0, 1, List.of(), new Exchange.Gather(), "t",
                List.of(new byte[0]))), 0, "lz4", "")).hasMessageContaining("the last stage must write the result");
    }

    @Test
    void stageLifeCycleRejectsIllegalMoves() {
        assertThat(StageStatus.WAITING.moveTo(StageStatus.RUNNING)).isEqualTo(StageStatus.RUNNING);
        assertThatThrownBy(() -> StageStatus.FAILED.moveTo(StageStatus.RUNNING)).isInstanceOf(FloeException.class);
        assertThatThrownBy(() -> StageStatus.COMPLETE.moveTo(StageStatus.WAITING)).isInstanceOf(FloeException.class);
    }

    @Test
    void aResultLocationGoesToTheRootTasksAndIsExpiredWithItsOptions() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 4);
        ResultLocation location = new ResultLocation("s3://bucket/results/run-1",
                java.util.Map.of("aws_region", "eu-west-1"));
        long query = scheduler.submit(List.of(new JobStage(0, 1, List.of(), new Exchange.Result(), "test",
                List.of(new byte[0]))), 0, "lz4", "", location, List.of());
        List<TaskAssignment> tasks = worker.poll(4);
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.resultDirectory()).isEqualTo("s3://bucket/results/run-1");
            assertThat(task.resultOptions()).containsEntry("aws_region", "eu-west-1");
        });
        runToEnd(query, worker);
        now += 2000;
        assertThat(scheduler.expireResults(1000)).containsExactly(location);
    }

    @Test
    void finishedQueriesAreForgottenAfterTheRetentionPeriod() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 4);
        long done = scheduler.submit(twoStageJob(1, 1), 0, "lz4", "");
        runToEnd(done, worker);
        long running = scheduler.submit(List.of(new JobStage(0, 1, List.of(), new Exchange.Result(), "test",
                List.of(new byte[0]))), 0, "lz4", "");
        assertThat(worker.poll(4)).hasSize(1);
        now += 500;
        assertThat(scheduler.expireResults(1000)).isEmpty();
        now += 600;
        assertThat(scheduler.expireResults(1000)).extracting(ResultLocation::directory)
                .containsExactly(Path.of("results", "query-" + done).toString());
        assertThatThrownBy(() -> scheduler.info(done)).hasMessageContaining("no query with id");
        assertThat(scheduler.status(running)).isEqualTo(QueryStatus.RUNNING);
    }

    @Test
    void shufflesAreReadInPlaceOnlyWhenEveryLiveWorkerSharesOneHostAndItsDirectory() {
        assertThat(scheduler.shufflesReadInPlace()).as("no worker").isFalse();
        long first = scheduler.register("10.0.0.1:7001", 2, "/work/w0");
        scheduler.register("10.0.0.1:7002", 2, "/work/w1");
        assertThat(scheduler.shufflesReadInPlace()).isTrue();
        assertThat(ShuffleCompression.AUTO.fileCodec(scheduler.shufflesReadInPlace())).isEqualTo("none");
        assertThat(ShuffleCompression.LZ4.fileCodec(scheduler.shufflesReadInPlace())).as("explicit").isEqualTo("lz4");

        scheduler.register("10.0.0.1:7003", 2, "");
        assertThat(scheduler.shufflesReadInPlace()).as("a worker that does not read in place").isFalse();
        now += 1100;
        scheduler.poll(first, 0, List.of());
        assertThat(scheduler.expireSilentWorkers()).containsExactlyInAnyOrder("10.0.0.1:7002", "10.0.0.1:7003");
        assertThat(scheduler.shufflesReadInPlace()).isTrue();

        scheduler.register("10.0.0.2:7001", 2, "/work/w2");
        assertThat(scheduler.shufflesReadInPlace()).as("a second host").isFalse();
        assertThat(ShuffleCompression.AUTO.fileCodec(scheduler.shufflesReadInPlace())).isEqualTo("lz4");
        assertThat(ShuffleCompression.NONE.fileCodec(scheduler.shufflesReadInPlace())).isEqualTo("none");
    }

    @Test
    void aWideStageGetsOnePartitionPerTaskSlotUnlessTheClientChoseACount() {
        assertThat(scheduler.slotsPerWorker()).as("no worker").isEqualTo(1);
        scheduler.register("10.0.0.1:7001", 16);
        scheduler.register("10.0.0.2:7001", 16);
        scheduler.register("10.0.0.3:7001", 8);

        assertThat(scheduler.slotsPerWorker()).isEqualTo(13);
        assertThat(DistributedOptions.defaults().forSlotsPerWorker(scheduler.slotsPerWorker()).partitionsPerWorker())
                .isEqualTo(13);
        assertThat(DistributedOptions.defaults().withPartitionsPerWorker(3).forSlotsPerWorker(13)
                .partitionsPerWorker()).as("the client's own count").isEqualTo(3);
        assertThatThrownBy(() -> DistributedOptions.defaults().withPartitionsPerWorker(-1))
                .isInstanceOf(FloeException.class).hasMessageContaining("or 0 for one per task slot");
    }
}
