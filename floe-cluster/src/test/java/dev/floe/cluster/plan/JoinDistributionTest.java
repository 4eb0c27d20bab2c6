package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JoinDistributionTest {
    private static final long MB = 1024 * 1024;
    private static final long LIMIT = 256 * MB;

    private static JoinDistribution choose(long left, long right, boolean mayBroadcastLeft) {
        return JoinDistribution.choose(new JoinDistribution.Sides(left, right, 6, 6, 6, false, false, true, true,
                true, mayBroadcastLeft, LIMIT, 0, 0));
    }

    @Test
    void aSmallRightSideIsBroadcastToTheBigLeft() {
        assertThat(choose(500 * MB, MB, true)).isEqualTo(JoinDistribution.BROADCAST_RIGHT);
    }

    @Test
    void aSmallLeftSideIsBroadcastWhenTheJoinAllowsIt() {
        assertThat(choose(MB, 500 * MB, true)).isEqualTo(JoinDistribution.BROADCAST_LEFT);
        // a left, semi or anti join keeps its left rows: the big right side is never broadcast instead
        assertThat(choose(MB, 200 * MB, false)).isEqualTo(JoinDistribution.PARTITIONED);
    }

    @Test
    void twoBigSidesArePartitioned() {
        assertThat(choose(300 * MB, 250 * MB, true)).isEqualTo(JoinDistribution.PARTITIONED);
    }

    @Test
    void aSideOverTheLimitIsNeverBroadcast() {
        JoinDistribution.Sides sides = new JoinDistribution.Sides(100_000 * MB, 300 * MB, 6, 6, 6, false, false,
                true, true, true, true, LIMIT, 0, 0);
        assertThat(JoinDistribution.choose(sides)).isEqualTo(JoinDistribution.PARTITIONED);
    }

    @Test
    void anUnknownSideIsNeverBroadcast() {
        assertThat(choose(MB, SizeEstimator.UNKNOWN, true)).isEqualTo(JoinDistribution.BROADCAST_LEFT);
        assertThat(choose(SizeEstimator.UNKNOWN, SizeEstimator.UNKNOWN, true)).isEqualTo(JoinDistribution.PARTITIONED);
    }

    @Test
    void broadcastingToASinglePartitionLosesToAParallelJoinOfBigSides() {
        JoinDistribution.Sides sides = new JoinDistribution.Sides(MB / 100, 150 * MB, 1, 6, 6, false, false,
                true, true, true, false, LIMIT, 0, 0);
        assertThat(JoinDistribution.choose(sides)).isEqualTo(JoinDistribution.PARTITIONED);
    }

    @Test
    void sidesAlreadyHashedOnTheKeysFavourThePartitionedJoin() {
        long left = 60 * MB;
        long right = 20 * MB;
        JoinDistribution.Sides fresh = new JoinDistribution.Sides(left, right, 6, 6, 6, false, false, true, true,
                true, false, LIMIT, 0, 0);
        JoinDistribution.Sides hashed = new JoinDistribution.Sides(left, right, 6, 6, 6, true, true, true, true,
                true, false, LIMIT, 0, 0);
        assertThat(JoinDistribution.choose(fresh)).isEqualTo(JoinDistribution.BROADCAST_RIGHT);
        assertThat(JoinDistribution.choose(hashed)).isEqualTo(JoinDistribution.PARTITIONED);
    }

    @Test
    void aSmallSourceReadByEveryTaskIsBroadcastEvenToOnePartition() {
        JoinDistribution.Sides sides = new JoinDistribution.Sides(2 * MB, 1000, 1, 1, 6, false, false, true, false,
                true, false, LIMIT, 0, 0);
        assertThat(JoinDistribution.choose(sides)).isEqualTo(JoinDistribution.BROADCAST_RIGHT);
    }

    @Test
    void aSideAnotherStageAlreadyBroadcastsIsReadThereRatherThanComputedAgain() {
        // PDS-H q20 at SF10 as estimated: a 50 MB partsupp join (from 150 MB of sources) against a 94 MB aggregate
        // already hashed on the keys
        long left = 50 * MB;
        long right = 94 * MB;
        JoinDistribution.Sides fresh = new JoinDistribution.Sides(left, right, 6, 6, 6, false, true, true, true,
                true, true, LIMIT, 0, 0);
        JoinDistribution.Sides noStage = new JoinDistribution.Sides(left, right, 6, 6, 6, false, true, false, true,
                true, true, LIMIT, 0, 0);
        JoinDistribution.Sides broadcastElsewhere = new JoinDistribution.Sides(left, right, 6, 6, 6, false, true,
                false, true, true, true, LIMIT, 150 * MB, 0);
        assertThat(JoinDistribution.choose(fresh)).isEqualTo(JoinDistribution.PARTITIONED);
        assertThat(JoinDistribution.choose(noStage)).isEqualTo(JoinDistribution.PARTITIONED);
        assertThat(JoinDistribution.choose(broadcastElsewhere)).isEqualTo(JoinDistribution.BROADCAST_LEFT);
    }
}
