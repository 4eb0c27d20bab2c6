package dev.floe.cluster.plan;

/**
 * How a join's inputs meet: one side broadcast to every partition of the other, or both hash-partitioned on the
 * keys. The choice compares estimated work per task, the way a cost-based planner picks a join distribution:
 * a broadcast side is fetched and built into a hash table by every task of the other side's stage, which only
 * probes its own share; a partitioned join shuffles each side not already hashed on the keys (written, then
 * read) and joins a share of both. A broadcast side must also fit {@code broadcastLimit}. When one side is split
 * by key ranges of a join key ({@link KeyRangeSplit}), the other may instead move to it by a range exchange on the
 * same boundaries ({@link RangeExchanges}): like a partitioned join where the split side is already placed.
 */
enum JoinDistribution {
    /** The right input goes to every partition of the left input's stage. */
    BROADCAST_RIGHT,
    /** The left input goes to every partition of the right input's stage (inner and right joins only). */
    BROADCAST_LEFT,
    /** Both inputs are hash-partitioned on the keys (no exchange for a side already hashed on them). */
    PARTITIONED,
    /** The left input stays split by key ranges; the right input moves to its partitions by a range exchange. */
    RANGE_MOVES_RIGHT,
    /** The right input stays split by key ranges; the left input moves to its partitions by a range exchange. */
    RANGE_MOVES_LEFT;

    /** Shuffling a byte costs its write and its read, about twice the work of building or probing it. */
    static final double SHUFFLE_COST = 2;

    /**
     * A new stage costs about as much as a task processing this many bytes: launching its tasks on the workers,
     * writing and fetching shuffle files, waiting for the slowest task.
     */
    static final double STAGE_COST = 8 * 1024 * 1024;

    /**
     * The inputs of the choice: estimated bytes, the partitions each side runs in, whether a side is already hashed
     * on the keys, whether broadcasting a side needs a stage of its own (a small source every task can read itself
     * does not), what the join type allows, and the bytes a side's sources read when another stage already
     * broadcasts that side ({@link SharedBroadcasts}): every distribution but broadcasting it computes it again.
     * {@code leftRangePartitions} is the partition count of the left side split by key ranges of a join key, when
     * it can stay so and the right side move to it (0 otherwise); {@code rightRangePartitions} likewise.
     */
    record Sides(long leftBytes, long rightBytes, int leftPartitions, int rightPartitions, int hashPartitions,
            boolean leftHashed, boolean rightHashed, boolean leftNeedsStage, boolean rightNeedsStage,
            boolean mayBroadcastRight, boolean mayBroadcastLeft, long broadcastLimit, long leftRecomputeBytes,
            long rightRecomputeBytes, int leftRangePartitions, int rightRangePartitions) {
        /** Sides neither of which is split by key ranges. */
        Sides(long leftBytes, long rightBytes, int leftPartitions, int rightPartitions, int hashPartitions,
                boolean leftHashed, boolean rightHashed, boolean leftNeedsStage, boolean rightNeedsStage,
                boolean mayBroadcastRight, boolean mayBroadcastLeft, long broadcastLimit, long leftRecomputeBytes,
                long rightRecomputeBytes) {
            this(leftBytes, rightBytes, leftPartitions, rightPartitions, hashPartitions, leftHashed, rightHashed,
                    leftNeedsStage, rightNeedsStage, mayBroadcastRight, mayBroadcastLeft, broadcastLimit,
                    leftRecomputeBytes, rightRecomputeBytes, 0, 0);
        }
    }

    static JoinDistribution choose(Sides sides) {
        double left = sides.leftBytes();
        double right = sides.rightBytes();
        boolean leftKnown = sides.leftBytes() != SizeEstimator.UNKNOWN;
        boolean rightKnown = sides.rightBytes() != SizeEstimator.UNKNOWN;
        double partitioned = !leftKnown || !rightKnown ? Double.MAX_VALUE
                : (SHUFFLE_COST * ((sides.leftHashed() ? 0 : left) + (sides.rightHashed() ? 0 : right)) + left + right)
                        / sides.hashPartitions() + STAGE_COST * ((sides.leftHashed() ? 0 : 1) + (sides.rightHashed() ? 0 : 1));
        double broadcastRight = sides.mayBroadcastRight() && rightKnown && sides.rightBytes() <= sides.broadcastLimit()
                ? right + (leftKnown ? left / sides.leftPartitions() : Double.MAX_VALUE / 2)
                        + (sides.rightNeedsStage() ? STAGE_COST : 0) : Double.MAX_VALUE;
        double broadcastLeft = sides.mayBroadcastLeft() && leftKnown && sides.leftBytes() <= sides.broadcastLimit()
                ? left + (rightKnown ? right / sides.rightPartitions() : Double.MAX_VALUE / 2)
                        + (sides.leftNeedsStage() ? STAGE_COST : 0) : Double.MAX_VALUE;
        double leftAgain = (double) sides.leftRecomputeBytes() / sides.leftPartitions();
        double rightAgain = (double) sides.rightRecomputeBytes() / sides.rightPartitions();
        partitioned += leftAgain + rightAgain;
        broadcastRight += leftAgain;
        broadcastLeft += rightAgain;
        double movesRight = moved(sides.leftRangePartitions(), left, right, leftKnown && rightKnown)
                + leftAgain + rightAgain;
        double movesLeft = moved(sides.rightRangePartitions(), right, left, leftKnown && rightKnown)
                + leftAgain + rightAgain;
        double ranged = Math.min(movesRight, movesLeft);
        if (ranged < Double.MAX_VALUE / 4 && ranged < broadcastRight && ranged < broadcastLeft
                && ranged < partitioned) {
            return movesRight <= movesLeft ? RANGE_MOVES_RIGHT : RANGE_MOVES_LEFT;
        }
        if (broadcastRight <= broadcastLeft && broadcastRight <= partitioned && broadcastRight < Double.MAX_VALUE) {
            return BROADCAST_RIGHT;
        }
        if (broadcastLeft < partitioned && broadcastLeft < Double.MAX_VALUE) {
            return BROADCAST_LEFT;
        }
        return PARTITIONED;
    }

    /**
     * The work of a join whose {@code staying} side is split into {@code partitions} key ranges and whose
     * {@code moving} side is shuffled to them once: a partitioned join with one side already placed.
     */
    private static double moved(int partitions, double staying, double moving, boolean known) {
        if (partitions < 1 || !known) {
            return Double.MAX_VALUE / 2;
        }
        return (SHUFFLE_COST * moving + staying + moving) / partitions + STAGE_COST;
    }
}
