package dev.floe.cluster.plan;

/**
 * How a join's inputs meet: one side broadcast to every partition of the other, or both hash-partitioned on the
 * keys. The choice compares estimated work per task, the way a cost-based planner picks a join distribution:
 * a broadcast side is fetched and built into a hash table by every task of the other side's stage, which only
 * probes its own share; a partitioned join shuffles each side not already hashed on the keys (written, then
 * read) and joins a share of both. A broadcast side must also fit {@code broadcastLimit}.
 */
enum JoinDistribution {
    /** The right input goes to every partition of the left input's stage. */
    BROADCAST_RIGHT,
    /** The left input goes to every partition of the right input's stage (inner and right joins only). */
    BROADCAST_LEFT,
    /** Both inputs are hash-partitioned on the keys (no exchange for a side already hashed on them). */
    PARTITIONED;

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
     */
    record Sides(long leftBytes, long rightBytes, int leftPartitions, int rightPartitions, int hashPartitions,
            boolean leftHashed, boolean rightHashed, boolean leftNeedsStage, boolean rightNeedsStage,
            boolean mayBroadcastRight, boolean mayBroadcastLeft, long broadcastLimit, long leftRecomputeBytes,
            long rightRecomputeBytes) {
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
        if (broadcastRight <= broadcastLeft && broadcastRight <= partitioned && broadcastRight < Double.MAX_VALUE) {
            return BROADCAST_RIGHT;
        }
        if (broadcastLeft < partitioned && broadcastLeft < Double.MAX_VALUE) {
            return BROADCAST_LEFT;
        }
        return PARTITIONED;
    }
}
