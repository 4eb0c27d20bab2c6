package dev.floe.cluster.plan;

import dev.floe.plan.logical.JoinType;

/**
 * Whether the big right side of a left, semi or anti join first drops the rows whose keys are not on the left,
 * in its own stage, so the join (and any shuffle before it) sees only rows that can match: no unmatched right row
 * changes the result of these joins (a null key matches nothing either way, and a right row kept keeps its
 * multiplicity). It pays when the left side keeps a small fraction of its table's rows: for a keys stage, when
 * the key bytes every right task builds plus a stage ({@link JoinDistribution#STAGE_COST}) cost less than the
 * share of the right side each task no longer shuffles ({@link JoinDistribution#SHUFFLE_COST} per byte).
 */
enum KeyReduction {
    /** The join runs as it is. */
    NONE,
    /** The left side is a small source every task reads itself; the right side's stage semi-joins it inline. */
    INLINE,
    /** The left side's keys are a stage of their own, broadcast to the right side's stage, which semi-joins them. */
    BROADCAST;

    /** An inline left side that keeps at most this fraction of its sources' rows filters the right side. */
    static final double REDUCING_FRACTION = 0.2;
    /**
     * A left side that needs a keys stage must keep at most this fraction of its table's rows: a one-sided range
     * ({@link Selectivity#RANGE}) or anything more selective, such as PDS-H q04's quarter of orders.
     */
    static final double BROADCAST_FRACTION = Selectivity.RANGE;

    /**
     * The facts of one join: its type, the fraction of its sources' rows the left side keeps, the left keys'
     * estimated bytes, the right side's estimated bytes and partitions, whether the right side is already hashed
     * on the join keys (it may not move at all), whether the left side is a source every task reads itself, and
     * the broadcast limit.
     */
    record Sides(JoinType type, double leftFraction, long leftKeyBytes, long rightBytes, int rightPartitions,
            boolean rightPlaced, boolean leftInline, long broadcastLimit) {
    }

    static KeyReduction choose(Sides sides) {
        boolean keepsOnlyMatches = switch (sides.type()) {
            case LEFT, SEMI, ANTI -> true;
            case INNER, RIGHT, FULL, CROSS -> false;
        };
        if (!keepsOnlyMatches || sides.rightPartitions() <= 1 || sides.rightBytes() == SizeEstimator.UNKNOWN) {
            return NONE;
        }
        if (sides.leftInline()) {
            return sides.leftFraction() <= REDUCING_FRACTION ? INLINE : NONE;
        }
        if (sides.rightPlaced() || sides.leftFraction() > BROADCAST_FRACTION
                || sides.leftKeyBytes() == SizeEstimator.UNKNOWN || sides.leftKeyBytes() > sides.broadcastLimit()) {
            return NONE;
        }
        double cost = sides.leftKeyBytes() + JoinDistribution.STAGE_COST;
        double saved = (1 - sides.leftFraction()) * sides.rightBytes() * JoinDistribution.SHUFFLE_COST
                / sides.rightPartitions();
        return cost < saved ? BROADCAST : NONE;
    }
}
