package dev.floe.cluster.coordinator;

import dev.floe.core.FloeException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life cycle of a stage: WAITING for its inputs, RUNNING its tasks, COMPLETE when every partition's output
 * exists; a COMPLETE stage goes back to RUNNING when a lost worker held some of its output that is still needed,
 * and a RUNNING stage back to WAITING when one of its inputs is being recomputed; a WAITING stage an adaptive
 * join no longer needs is SKIPPED.
 */
public enum StageStatus {
    WAITING, RUNNING, COMPLETE, FAILED, CANCELED,
    /** Never run: an adaptive join chose the variant that does not read it. */
    SKIPPED;

    private Set<StageStatus> next() {
        return switch (this) {
            case WAITING -> EnumSet.of(RUNNING, COMPLETE, FAILED, CANCELED, SKIPPED);
            case RUNNING -> EnumSet.of(WAITING, COMPLETE, FAILED, CANCELED);
            case COMPLETE -> EnumSet.of(RUNNING, CANCELED);
            case FAILED, CANCELED, SKIPPED -> EnumSet.noneOf(StageStatus.class);
        };
    }

    /** {@code target}, after checking the move from this status is one the life cycle allows. */
    public StageStatus moveTo(StageStatus target) {
        if (!next().contains(target)) {
            throw FloeException.internal("stage cannot go from " + this + " to " + target);
        }
        return target;
    }
}
