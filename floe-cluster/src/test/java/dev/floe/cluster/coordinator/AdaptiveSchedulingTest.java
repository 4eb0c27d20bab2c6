package dev.floe.cluster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.cluster.QueryStatus;
import dev.floe.cluster.ResultLocation;
import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.protocol.AdaptiveChoice;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskInput;
import dev.floe.core.FloeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A join stage with an adaptive choice: stage 0 is the small side (2 partitions hashed into 3), stage 1 the held
 * shuffle of the other side, stage 2 the partitioned join, whose broadcast variant runs in 2 partitions reading
 * only stage 0, whole.
 */
class AdaptiveSchedulingTest {
    private static final byte[] PARTITIONED = {2};
    private static final byte[] BROADCAST = {9};

    private long now = 0;
    private final Scheduler scheduler = new Scheduler(1000, () -> now, Path.of("results"));

    private static List<JobStage> job() {
        return List.of(
                new JobStage(0, 2, List.of(), new Exchange.Hash(List.of("k"), 3), "test", List.of(new byte[] {0})),
                new JobStage(1, 2, List.of(), new Exchange.Hash(List.of("k"), 3), "test", List.of(new byte[] {1})),
                new JobStage(2, 3, List.of(1, 0), new Exchange.Result(), "test", List.of(PARTITIONED)));
    }

    private static AdaptiveChoice choice(long maxRows) {
        return new AdaptiveChoice(0, 1, maxRows,
                new JobStage(2, 2, List.of(0), new Exchange.Result(), "test", List.of(BROADCAST)));
    }

    private long submit(long maxRows, int retries) {
        return scheduler.submit(job(), retries, "lz4", "", ResultLocation.DEFAULT, List.of(), List.of(choice(maxRows)));
    }

    private static List<Integer> stagesOf(List<TaskAssignment> tasks) {
        return tasks.stream().map(task -> task.task().stageId()).toList();
    }

    @Test
    void theHeldStageWaitsForTheSmallStage() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 8);
        long query = submit(100, 1);

        assertThat(stagesOf(worker.poll(8))).containsExactly(0, 0);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.WAITING);
        assertThat(worker.poll(8)).as("stage 1 is held while stage 0 runs").isEmpty();
    }

    @Test
    void aSmallSideRunsTheBroadcastVariantAndSkipsTheHeldStage() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 8);
        long query = submit(100, 1);
        worker.poll(8);
        worker.finishAll(50);

        List<TaskAssignment> joins = worker.poll(8);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.SKIPPED);
        assertThat(stagesOf(joins)).containsExactly(2, 2);
        for (TaskAssignment join : joins) {
            assertThat(join.payload()).isEqualTo(BROADCAST);
            assertThat(join.inputs()).extracting(TaskInput::stageId).containsOnly(0);
            assertThat(join.inputs()).extracting(TaskInput::reducePartition).containsExactly(0, 1, 2);
            assertThat(join.inputs()).allSatisfy(input -> assertThat(input.locations()).hasSize(2));
        }
        worker.finishAll(7);
        worker.poll(0);
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.SUCCESS);
        assertThat(scheduler.info(query).totalRows()).isEqualTo(14);
        assertThat(scheduler.info(query).finishedStages()).isEqualTo(3);
        assertThat(scheduler.info(query).stages()).extracting(stage -> stage.state())
                .containsExactly(StageStatus.COMPLETE, StageStatus.SKIPPED, StageStatus.COMPLETE);
        assertThat(stagesOf(worker.history)).doesNotContain(1);
    }

    @Test
    void aBigSideRunsThePartitionedPlan() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 8);
        long query = submit(100, 1);
        worker.poll(8);
        worker.finishAll(51);

        assertThat(stagesOf(worker.poll(8))).containsExactly(1, 1);
        worker.finishAll(5);
        List<TaskAssignment> joins = worker.poll(8);
        assertThat(stagesOf(joins)).containsExactly(2, 2, 2);
        for (TaskAssignment join : joins) {
            assertThat(join.payload()).isEqualTo(PARTITIONED);
            assertThat(join.inputs()).extracting(TaskInput::stageId).containsExactly(1, 0);
            assertThat(join.inputs()).extracting(TaskInput::reducePartition)
                    .containsOnly(join.task().partition());
        }
        worker.finishAll(1);
        worker.poll(0);
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.SUCCESS);
        assertThat(scheduler.info(query).totalRows()).isEqualTo(3);
    }

    @Test
    void aRetriedSmallStageStillDecidesOnceItIsComplete() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 8);
        long query = submit(100, 1);
        worker.poll(8);
        worker.failAll("boom");

        assertThat(stagesOf(worker.poll(8))).as("only the small stage's retries").containsExactly(0, 0);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.WAITING);
        worker.finishAll(1);
        assertThat(stagesOf(worker.poll(8))).containsExactly(2, 2);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.SKIPPED);
    }

    @Test
    void aSmallStageFailingForGoodFailsTheQueryWithTheHeldStageNeverRun() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 8);
        long query = submit(100, 0);
        worker.poll(8);
        worker.failAll("boom");
        worker.poll(8);

        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.FAILED);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.FAILED);
        assertThat(stagesOf(worker.history)).containsOnly(0);
    }

    @Test
    void theSmallStageLostAfterTheChoiceIsRecomputedAndTheChoiceKept() {
        FakeWorker first = new FakeWorker(scheduler, "w1:1", 2);
        long query = submit(100, 1);
        first.poll(2);
        first.finishAll(3);
        assertThat(stagesOf(first.poll(2))).containsExactly(2, 2);
        FakeWorker second = new FakeWorker(scheduler, "w2:1", 2);
        second.poll(2);
        now += 1500;
        second.poll(0);
        assertThat(scheduler.expireSilentWorkers()).containsExactly("w1:1");

        assertThat(scheduler.stageStatus(query, 0)).isEqualTo(StageStatus.RUNNING);
        assertThat(scheduler.stageStatus(query, 2)).isEqualTo(StageStatus.WAITING);
        assertThat(stagesOf(second.poll(2))).containsExactly(0, 0);
        second.finishAll(1_000);
        List<TaskAssignment> joins = second.poll(2);
        assertThat(stagesOf(joins)).as("decided once: the broadcast variant again").containsExactly(2, 2);
        assertThat(joins).allSatisfy(join -> assertThat(join.payload()).isEqualTo(BROADCAST));
        second.finishAll(1);
        second.poll(0);
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.SUCCESS);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.SKIPPED);
    }

    @Test
    void aCanceledQueryLeavesASkippedStageSkipped() {
        FakeWorker worker = new FakeWorker(scheduler, "w1:1", 8);
        long query = submit(100, 1);
        worker.poll(8);
        worker.finishAll(1);
        worker.poll(8);
        scheduler.cancel(query);

        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.CANCELED);
        assertThat(scheduler.stageStatus(query, 1)).isEqualTo(StageStatus.SKIPPED);
        assertThat(scheduler.stageStatus(query, 2)).isEqualTo(StageStatus.CANCELED);
    }

    @Test
    void aChoiceWhoseHeldStageAnotherStageReadsIsRefused() {
        List<JobStage> stages = List.of(job().get(0), job().get(1),
                new JobStage(2, 3, List.of(1, 0), new Exchange.Hash(List.of("k"), 3), "test", List.of(PARTITIONED)),
                new JobStage(3, 1, List.of(2, 1), new Exchange.Result(), "test", List.of(new byte[] {3})));
        AdaptiveChoice choice = new AdaptiveChoice(0, 1, 100,
                new JobStage(2, 2, List.of(0), new Exchange.Hash(List.of("k"), 3), "test", List.of(BROADCAST)));

        assertThatThrownBy(() -> scheduler.submit(stages, 1, "lz4", "", ResultLocation.DEFAULT, List.of(),
                List.of(choice))).isInstanceOf(FloeException.class).hasMessageContaining("stage 3 reads it");
    }
}
