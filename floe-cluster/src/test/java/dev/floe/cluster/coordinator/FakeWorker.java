package dev.floe.cluster.coordinator;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.protocol.TaskAssignment;
import dev.floe.cluster.protocol.TaskMetrics;
import dev.floe.cluster.protocol.TaskReport;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written in-process worker for scheduler tests: it polls the {@link Scheduler}, keeps the tasks it was
 * given, and reports their outcomes on its next poll.
 */
final class FakeWorker {
    final String address;
    final long id;
    final List<TaskAssignment> running = new ArrayList<>();
    final List<TaskReport> outbox = new ArrayList<>();
    final List<TaskAssignment> history = new ArrayList<>();
    private final Scheduler scheduler;

    FakeWorker(Scheduler scheduler, String address, int slots) {
        this.scheduler = scheduler;
        this.address = address;
        this.id = scheduler.register(address, slots);
    }

    List<TaskAssignment> poll(int freeSlots) {
        Scheduler.PollResult result = scheduler.poll(id, freeSlots, List.copyOf(outbox));
        outbox.clear();
        running.addAll(result.tasks());
        history.addAll(result.tasks());
        return result.tasks();
    }

    /** Every running task succeeds, writing 5 rows. */
    void finishAll() {
        finishAll(5);
    }

    /** Every running task succeeds, writing {@code rowsOut} rows (a result task also names its file). */
    void finishAll(long rowsOut) {
        for (TaskAssignment task : running) {
            outbox.add(TaskReport.succeeded(task.task(), new TaskMetrics(10, rowsOut, 100, 0, 0, 1),
                    task.output() instanceof Exchange.Result ? List.of("part-" + task.task().partition()) : List.of()));
        }
        running.clear();
    }

    void failAll(String error) {
        for (TaskAssignment task : running) {
            outbox.add(TaskReport.failed(task.task(), false, error));
        }
        running.clear();
    }
}
