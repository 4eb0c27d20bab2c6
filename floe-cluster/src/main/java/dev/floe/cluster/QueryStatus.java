package dev.floe.cluster;

/** The life cycle of a distributed query, as the client sees it. */
public enum QueryStatus {
    /** Accepted, not yet planned. */
    QUEUED,
    /** Planned into stages; no task has started. */
    SCHEDULED,
    /** At least one task was handed to a worker. */
    RUNNING,
    SUCCESS,
    FAILED,
    CANCELED;

    public boolean isFinal() {
        return this == SUCCESS || this == FAILED || this == CANCELED;
    }
}
