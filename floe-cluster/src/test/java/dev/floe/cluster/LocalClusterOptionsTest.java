package dev.floe.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalClusterOptionsTest {
    private static final List<String> WORKER_JIT = List.of("-XX:Tier4InvocationThreshold=15000",
            "-XX:Tier4MinInvocationThreshold=1800", "-XX:Tier4CompileThreshold=45000", "-XX:MaxInlineLevel=6",
            "-XX:InlineSmallCode=500");

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
    void workersRunWithParallelGcLaterC2AndLessInliningByDefault() {
        assertThat(LocalCluster.workerJvmOptions(null, 0)).isEqualTo(expected(List.of("-XX:+UseParallelGC"),
                List.of()));
    }

    @Test
    void workerOptionsFollowTheDefaultsSoTheyWinAndReplaceTheIndex() {
        assertThat(LocalCluster.workerJvmOptions("-XX:StartFlightRecording=filename=w{index}.jfr "
                + "-XX:Tier4InvocationThreshold=5000", 2)).isEqualTo(expected(List.of("-XX:+UseParallelGC"),
                        List.of("-XX:StartFlightRecording=filename=w2.jfr", "-XX:Tier4InvocationThreshold=5000")));
    }

    @Test
    void aCollectorChosenByTheUserReplacesTheDefault() {
        assertThat(LocalCluster.workerJvmOptions("-XX:+UseG1GC -Xlog:gc", 1))
                .isEqualTo(expected(List.of(), List.of("-XX:+UseG1GC", "-Xlog:gc")));
    }

    /** {@code collector}, the workers' JIT thresholds, then {@code user}. */
    private static List<String> expected(List<String> collector, List<String> user) {
        List<String> all = new ArrayList<>(collector);
        all.addAll(WORKER_JIT);
        all.addAll(user);
        return all;
    }

    @Test
    void theAotCacheDirectoryComesFromTheEnvironmentThenThePropertyThenFloeHomeThenTheTemporaryDirectory() {
        assertThat(LocalCluster.aotCacheDirectory("/env", "/property", "/home", "/tmp", "ann"))
                .isEqualTo(Path.of("/env"));
        assertThat(LocalCluster.aotCacheDirectory(null, "/property", "/home", "/tmp", "ann"))
                .isEqualTo(Path.of("/property"));
        assertThat(LocalCluster.aotCacheDirectory("", null, "/home", "/tmp", "ann"))
                .isEqualTo(Path.of("/home/target/aot-cache"));
        assertThat(LocalCluster.aotCacheDirectory(null, null, null, "/tmp", "ann"))
                .isEqualTo(Path.of("/tmp/floe-aot-cache-ann"));
    }

    @Test
    void offTurnsTheAotCacheOff() {
        assertThat(LocalCluster.aotCacheDirectory("off", "/property", "/home", "/tmp", "ann")).isNull();
        assertThat(LocalCluster.aotCacheDirectory(null, "OFF", "/home", "/tmp", "ann")).isNull();
    }
}
