package dev.floe.bench.pdsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real one-worker cluster and the local engine side by side on generated SF 0.1 files, both checked. */
class DistributedCompareTest {
    private static final Path DATA = GeneratedData.DATA;

    @BeforeAll
    static void generate() {
        GeneratedData.ensure();
    }

    @Test
    void printsTheClusterAndTheLocalEnginePerQueryWithTheirAnswerChecks() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DistributedCompare.run(new String[] {"--sf", "0.1", "--data", DATA.toString(), "--runs", "1",
                "--warmup", "0", "--query", "3", "--workers", "1", "--memory", "1", "--threads", "1", "--worker-cpus",
                "1", "--partitions-per-worker", "2"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("cluster median", "local med", "answers (cluster/local)",
                        "every query on cluster first, then on local")
                .containsPattern("q03 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+  ok/ok")
                .containsPattern("total +[0-9.]+");
    }

    @Test
    void refusesAClusterWithoutWorkers() {
        assertThatThrownBy(() -> DistributedCompare.run(new String[] {"--workers", "0"}, System.out, System.err))
                .isInstanceOf(FloeException.class).hasMessageContaining("--workers must be at least 1");
        assertThatThrownBy(() -> DistributedCompare.run(new String[] {"--partitions-per-worker", "-1"}, System.out,
                System.err)).isInstanceOf(FloeException.class).hasMessageContaining("not 3, 3.0, 0 and -1");
    }
}
