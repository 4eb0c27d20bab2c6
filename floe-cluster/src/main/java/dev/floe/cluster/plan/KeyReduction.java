package dev.floe.cluster.plan;

import dev.floe.plan.logical.JoinType;

/**
 * Whether the big right side of a left, semi or anti join first drops the rows whose keys are not on the left,
 * in its own stage, so the join (and any shuffle before it) sees only rows that can match: no unmatched right row
 * changes the result of these joins (a null key matches nothing either way, and a right row kept keeps its
 * multiplicity). It pays when the left side keeps a small fraction of its table's rows and its keys are small
 * next to the right side: every task of the right side's stage builds a hash table of the left keys.
 */
enum KeyReduction {
    /** The join runs as it is. */
    NONE,
    /** The left side is a small source every task reads itself; the right side's stage semi-joins it inline. */
    INLINE,
    /** The left side's keys are a stage of their own, broadcast to the right side's stage, which semi-joins them. */
    BROADCAST;

    /** A left side that keeps at most this fraction of its sources' rows is worth filtering the right side with. */
    static final double REDUCING_FRACTION = 0.2;
    /**
     * The broadcast left keys must be at most this fraction of the right side's bytes: each right task builds
     * them, and the rows the right side drops must outweigh a stage of its own (a hash table of a few keys per
     * task is cheap; one of millions of keys per task is not).
     */
    static final double KEYS_PER_RIGHT_BYTES = 0.01;

    /**
     * The facts of one join: its type, the fraction of its sources' rows the left side keeps, the left keys'
     * estimated bytes, the right side's estimated bytes and partitions, whether the left side is a source every
     * task reads itself, and the broadcast limit.
     */
    record Sides(JoinType type, double leftFraction, long leftKeyBytes, long rightBytes, int rightPartitions,
            boolean leftInline, long broadcastLimit) {
    }

    static KeyReduction choose(Sides sides) {
        boolean keepsOnlyMatches = switch (sides.type()) {
            case LEFT, SEMI, ANTI -> true;
            case INNER, RIGHT, FULL, CROSS -> false;
        };
        if (!keepsOnlyMatches || sides.rightPartitions() <= 1 || sides.rightBytes() == SizeEstimator.UNKNOWN
                || sides.leftFraction() > REDUCING_FRACTION) {
            return NONE;
        }
        if (sides.leftInline()) {
            return INLINE;
        }
        boolean small = sides.leftKeyBytes() != SizeEstimator.UNKNOWN && sides.leftKeyBytes() <= sides.broadcastLimit()
                && sides.leftKeyBytes() <= sides.rightBytes() * KEYS_PER_RIGHT_BYTES;
        return small ? BROADCAST : NONE;
    }
}
