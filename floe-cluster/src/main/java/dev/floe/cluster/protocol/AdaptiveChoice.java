package dev.floe.cluster.protocol;

import dev.floe.core.FloeException;
import java.util.Objects;

/**
 * A stage the coordinator runs one of two ways, decided once another stage has run: when {@code smallStage} wrote
 * at most {@code maxRows} rows, stage {@code broadcastVariant.id()} is replaced by {@code broadcastVariant} (which
 * reads {@code smallStage} whole) and {@code heldStage}, held back until then, is skipped; otherwise both run as
 * planned. The planner's {@code AdaptiveJoin}, encoded for the scheduler.
 */
public record AdaptiveChoice(int smallStage, int heldStage, long maxRows, JobStage broadcastVariant) {
    public AdaptiveChoice {
        Objects.requireNonNull(broadcastVariant, "broadcastVariant");
        if (smallStage < 0 || heldStage < 0 || smallStage == heldStage || smallStage >= broadcastVariant.id()
                || heldStage >= broadcastVariant.id() || maxRows < 0) {
            throw FloeException.invalidArgument("adaptive choice of stage " + broadcastVariant.id() + " with small stage "
                    + smallStage + ", held stage " + heldStage + " and row limit " + maxRows
                    + "; both stages must come before it and differ, and the limit must be >= 0");
        }
        if (broadcastVariant.inputs().contains(heldStage) || !broadcastVariant.inputs().contains(smallStage)) {
            throw FloeException.invalidArgument("the broadcast variant of stage " + broadcastVariant.id()
                    + " must read stage " + smallStage + " and not stage " + heldStage);
        }
    }

    /** The stage that runs one way or the other. */
    public int joinStage() {
        return broadcastVariant.id();
    }
}
