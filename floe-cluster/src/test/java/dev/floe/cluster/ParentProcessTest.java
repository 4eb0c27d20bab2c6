package dev.floe.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.testing.JavaProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coordinator and worker JVMs started with {@code --exit-with} end with the process that started them. */
class ParentProcessTest {
    @TempDir
    Path directory;

    @Test
    void aCoordinatorExitsWhenItsParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        Process coordinator = start(CoordinatorMain.class, List.of("--port", "0", "--work-dir",
                directory.resolve("work").toString(), "--exit-with", Long.toString(parent.pid())));
        try {
            awaitOutput(coordinator, CoordinatorMain.READY);
            assertThat(coordinator.isAlive()).isTrue();
            parent.destroyForcibly().waitFor();
            assertThat(coordinator.waitFor(60, TimeUnit.SECONDS)).as("coordinator exited").isTrue();
            assertThat(coordinator.exitValue()).isEqualTo(ParentProcess.ORPHANED);
            assertThat(Files.readString(directory.resolve("err.txt")))
                    .contains("process " + parent.pid() + " that started it has ended");
        } finally {
            coordinator.destroyForcibly();
            parent.destroyForcibly();
        }
    }

    @Test
    void aWorkerForAParentThatIsAlreadyGoneRefusesToStart() throws Exception {
        Process parent = new ProcessBuilder("true").start();
        parent.waitFor();
        Process worker = start(WorkerMain.class, List.of("--coordinator", "127.0.0.1:1", "--exit-with",
                Long.toString(parent.pid())));
        try {
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(worker.exitValue()).isEqualTo(2);
            assertThat(Files.readString(directory.resolve("err.txt")))
                    .contains("--exit-with names process " + parent.pid() + ", which is not running");
        } finally {
            worker.destroyForcibly();
        }
    }

    @Test
    void aProcessIdMustBePositive() throws Exception {
        Process worker = start(WorkerMain.class, List.of("--coordinator", "127.0.0.1:1", "--exit-with", "0"));
        try {
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(worker.exitValue()).isEqualTo(2);
            assertThat(Files.readString(directory.resolve("err.txt"))).contains("--exit-with must be a process id, got 0");
        } finally {
            worker.destroyForcibly();
        }
    }

    private Process start(Class<?> main, List<String> arguments) throws IOException {
        return JavaProcesses.start(main, arguments, directory.resolve("out.txt"), directory.resolve("err.txt"));
    }

    private void awaitOutput(Process process, String prefix) throws Exception {
        Path output = directory.resolve("out.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(output) && Files.readString(output).contains(prefix)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + prefix + "' from the process; stderr: "
                + Files.readString(directory.resolve("err.txt")));
    }
}
