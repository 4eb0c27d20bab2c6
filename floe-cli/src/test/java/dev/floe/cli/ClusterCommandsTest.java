package dev.floe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The cluster subcommands are registered and say what they need. */
class ClusterCommandsTest {
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FloeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void coordinatorNeedsAPort() {
        Run run = run("coordinator");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--port");
    }

    @Test
    void workerNeedsTheCoordinatorAddress() {
        Run run = run("worker", "--cpus", "2");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--coordinator");
    }

    @Test
    void helpListsTheClusterCommandsAndTheDemo() {
        Run run = run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("coordinator").contains("worker").contains("demo");
        assertThat(run("help", "demo").out()).contains("--workers").contains("--data");
        assertThat(run("help", "worker").out()).contains("--same-host-reads").contains("Arrow Flight");
    }
}
