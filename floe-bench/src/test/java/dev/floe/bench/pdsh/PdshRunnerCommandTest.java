package dev.floe.bench.pdsh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.FloeException;
import dev.floe.pdsh.ResultTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdshRunnerCommandTest {
    /** An engine answering every query with one fixed wrong table, counting its runs. */
    private static final class FixedEngine implements PdshEngine {
        int runs;
        boolean closed;

        @Override
        public ResultTable run(int number) {
            runs++;
            return new ResultTable(List.of("x"), List.of(List.of(1L)));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void parsesOptions() {
        PdshRunnerCommand.Options options = PdshRunnerCommand.parse(new String[] {"--sf", "10", "--data", "/d",
                "--runs", "5", "--warmup", "2", "--query", "7", "--threads", "4", "--no-check"}, "X");
        assertThat(options).isEqualTo(new PdshRunnerCommand.Options(10, Path.of("/d"), 5, 2, 7, 4, null, false,
                false));
    }

    @Test
    void theOrderOfAComparisonHasADefaultThatFlagsOverride() {
        assertThat(PdshRunnerCommand.parse(new String[] {}, "X", true).sequential()).isTrue();
        assertThat(PdshRunnerCommand.parse(new String[] {"--interleaved"}, "X", true).sequential()).isFalse();
        assertThat(PdshRunnerCommand.parse(new String[] {}, "X", false).sequential()).isFalse();
        assertThat(PdshRunnerCommand.parse(new String[] {"--sequential", "--no-check"}, "X", false))
                .satisfies(options -> assertThat(options.sequential()).isTrue())
                .satisfies(options -> assertThat(options.check()).isFalse());
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> PdshRunnerCommand.parse(new String[] {"--scale", "1"}, "X"))
                .isInstanceOf(FloeException.class).hasMessageContaining("unknown option --scale", "--sf SF");
        assertThatThrownBy(() -> PdshRunnerCommand.parse(new String[] {"--query", "23"}, "X"))
                .isInstanceOf(FloeException.class).hasMessageContaining("1 to 22");
        assertThatThrownBy(() -> PdshRunnerCommand.parse(new String[] {"--runs", "many"}, "X"))
                .isInstanceOf(FloeException.class).hasMessageContaining("--runs needs a number");
        assertThatThrownBy(() -> PdshRunnerCommand.parse(new String[] {"--runs"}, "X"))
                .isInstanceOf(FloeException.class).hasMessageContaining("needs a value");
    }

    @Test
    void timesWarmupAndRunsAndReportsWrongResults() {
        FixedEngine engine = new FixedEngine();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PdshRunnerCommand.run(new String[] {"--sf", "0.1", "--runs", "3", "--warmup", "2", "--query",
                "6"}, "Fixed", (root, scaleFactor, threads) -> engine, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(engine.runs).isEqualTo(5);
        assertThat(engine.closed).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("q06", "DIFFERS");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("q6: columns differ");
    }
}
