package dev.floe.cluster.coordinator;

import dev.floe.cluster.protocol.TaskMetrics;
import java.util.List;

/** The scheduler's record of one partition of one stage: its phase, attempts, failures and where it ran. */
final class PartitionState {
    /** Where a partition is in its life: waiting for a worker, running on one, or done with output on one. */
    enum Phase { PENDING, RUNNING, DONE }

    Phase phase = Phase.PENDING;
    int attempt;
    int failures;
    int interruptions;
    /** The worker running the task (RUNNING) or holding its output (DONE). */
    String worker;
    String lastFailedWorker;
    TaskMetrics metrics = TaskMetrics.NONE;
    List<String> resultFiles = List.of();
    /** The key sample a forward task reported for the range bounds (empty otherwise). */
    byte[] sample = new byte[0];

    void restart() {
        phase = Phase.PENDING;
        attempt++;
        worker = null;
    }
}
