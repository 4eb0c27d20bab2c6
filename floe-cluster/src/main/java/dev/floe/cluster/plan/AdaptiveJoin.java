package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import java.util.Objects;

/**
 * A partitioned join whose side's size the planner could only guess, with a second way to run its stage chosen at
 * run time: once {@code smallStage} (the guessed side, hash-partitioned on the join keys) has run, the coordinator
 * counts its rows; at most {@code maxRows} and the join stage is replaced by {@code broadcastVariant} (the other
 * side read from its own source splits, the small side read whole as a broadcast) and {@code heldStage} (the
 * other side's shuffle, held until then) is skipped; more and both stages run as planned.
 */
public record AdaptiveJoin(int smallStage, int heldStage, long maxRows, Stage broadcastVariant) {
    public AdaptiveJoin {
        Objects.requireNonNull(broadcastVariant, "broadcastVariant");
        if (maxRows < 0) {
            throw FloeException.internal("an adaptive join with a negative row limit " + maxRows);
        }
        if (smallStage == heldStage || smallStage >= broadcastVariant.id() || heldStage >= broadcastVariant.id()) {
            throw FloeException.internal("adaptive join of stage " + broadcastVariant.id() + " with small stage "
                    + smallStage + " and held stage " + heldStage);
        }
        if (broadcastVariant.inputStages().contains(heldStage) || !broadcastVariant.inputStages().contains(smallStage)) {
            throw FloeException.internal("the broadcast variant of stage " + broadcastVariant.id()
                    + " must read stage " + smallStage + " and not stage " + heldStage);
        }
    }

    /** The stage that runs one way or the other. */
    public int joinStage() {
        return broadcastVariant.id();
    }
}
