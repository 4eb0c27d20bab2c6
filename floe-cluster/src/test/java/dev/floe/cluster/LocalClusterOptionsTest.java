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
}
