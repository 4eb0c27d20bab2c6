package dev.floe.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalClusterOptionsTest {
    @Test
    void theCoordinatorRunsWithC1OnlyByDefault() {
        assertThat(LocalCluster.coordinatorJvmOptions(null)).containsExactly("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theUsersOptionsComeLastSoTheyWin() {
        assertThat(LocalCluster.coordinatorJvmOptions("-XX:TieredStopAtLevel=4 -XX:StartFlightRecording=filename=c.jfr"))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4",
                        "-XX:StartFlightRecording=filename=c.jfr");
    }

    @Test
    void workersRunWithParallelGcByDefault() {
        assertThat(LocalCluster.workerJvmOptions(null, 0)).containsExactly("-XX:+UseParallelGC");
    }

    @Test
    void workerOptionsFollowTheCollectorAndReplaceTheIndex() {
        assertThat(LocalCluster.workerJvmOptions("-XX:StartFlightRecording=filename=w{index}.jfr", 2))
                .containsExactly("-XX:+UseParallelGC", "-XX:StartFlightRecording=filename=w2.jfr");
    }

    @Test
    void aCollectorChosenByTheUserReplacesTheDefault() {
        assertThat(LocalCluster.workerJvmOptions("-XX:+UseG1GC -Xlog:gc", 1)).containsExactly("-XX:+UseG1GC", "-Xlog:gc");
    }
}
