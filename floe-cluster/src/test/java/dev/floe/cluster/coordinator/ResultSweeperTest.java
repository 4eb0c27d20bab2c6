package dev.floe.cluster.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.QueryStatus;
import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.protocol.JobStage;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskMetrics;
import dev.floe.cluster.protocol.TaskReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultSweeperTest {
    private long now = 0;

    /** Runs a one-stage query on a fake worker that writes a result file where the task says; returns its id. */
    private static long finishedQuery(Scheduler scheduler, long worker) throws IOException {
        long query = scheduler.submit(List.of(new JobStage(0, 1, List.of(), new Exchange.Result(), "test",
                List.of(new byte[0]))), 0, "lz4", "");
        List<TaskAssignment> tasks = scheduler.poll(worker, 1, List.of()).tasks();
        assertThat(tasks).hasSize(1);
        Path file = Path.of(tasks.getFirst().resultDirectory()).resolve("part-0.parquet");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "rows");
        scheduler.poll(worker, 1, List.of(TaskReport.succeeded(tasks.getFirst().task(),
                new TaskMetrics(1, 1, 0, 0, 0, 1), List.of(file.toString()))));
        assertThat(scheduler.status(query)).isEqualTo(QueryStatus.SUCCESS);
        return query;
    }

    @Test
    void anExpiredResultDirectoryIsRemovedAndAFreshOneKept(@TempDir Path root) throws IOException {
        Scheduler scheduler = new Scheduler(1_000_000, () -> now, root);
        long worker = scheduler.register("w1:1", 1);
        ResultSweeper sweeper = new ResultSweeper(scheduler, 60_000);
        long old = finishedQuery(scheduler, worker);
        now += 50_000;
        long fresh = finishedQuery(scheduler, worker);
        Path oldDirectory = root.resolve("query-" + old);
        Path freshDirectory = root.resolve("query-" + fresh);
        assertThat(oldDirectory.resolve("part-0.parquet")).exists();

        assertThat(sweeper.sweep()).isEmpty();
        now += 20_000;
        assertThat(sweeper.sweep()).containsExactly(oldDirectory.toString());

        assertThat(oldDirectory).doesNotExist();
        assertThat(freshDirectory.resolve("part-0.parquet")).exists();
        now += 60_000;
        assertThat(sweeper.sweep()).containsExactly(freshDirectory.toString());
        assertThat(freshDirectory).doesNotExist();
    }

    @Test
    void aQueryThatWroteNothingIsForgottenQuietly(@TempDir Path root) {
        Scheduler scheduler = new Scheduler(1_000_000, () -> now, root);
        long query = scheduler.submit(List.of(new JobStage(0, 1, List.of(), new Exchange.Result(), "test",
                List.of(new byte[0]))), 0, "lz4", "");
        scheduler.cancel(query);
        now += 120_000;

        assertThat(new ResultSweeper(scheduler, 60_000).sweep()).containsExactly(root.resolve("query-" + query).toString());
    }

    @Test
    void theSweepRunsAtAQuarterOfTheRetentionWithinBounds() {
        Scheduler scheduler = new Scheduler(1000, () -> now, Path.of("results"));
        assertThat(new ResultSweeper(scheduler, 6 * 3_600_000L).periodMillis()).isEqualTo(60_000);
        assertThat(new ResultSweeper(scheduler, 40_000).periodMillis()).isEqualTo(10_000);
        assertThat(new ResultSweeper(scheduler, 10).periodMillis()).isEqualTo(1000);
    }
}
