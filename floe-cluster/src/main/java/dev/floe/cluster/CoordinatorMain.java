package dev.floe.cluster;

import dev.floe.cluster.coordinator.Coordinator;
import dev.floe.cluster.coordinator.EngineQueryPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The coordinator process: {@code CoordinatorMain --port P [--host H] [--work-dir D] [--heartbeat-timeout-ms T]
 * [--result-retention 6h] [--exit-with PID]} (results of finished queries without a sink are deleted after the
 * retention period: {@code 90s}, {@code 30m}, {@code 6h}, {@code 2d}; 6 hours by default;
 * {@code --result-retention-minutes R} is the older spelling).
 * Prints {@code FLOE COORDINATOR LISTENING <port>} once it accepts connections, then serves until killed, or until
 * the process {@code --exit-with} names ends (a local cluster's coordinator follows the JVM that started it).
 */
public final class CoordinatorMain {
    static final String READY = "FLOE COORDINATOR LISTENING ";
    private static final String USAGE = "floe coordinator --port P [--host 127.0.0.1] [--work-dir DIR] "
            + "[--heartbeat-timeout-ms 5000] [--result-retention 6h] [--exit-with PID]";

    private CoordinatorMain() {
    }

    /** {@code --result-retention} as a duration, else {@code --result-retention-minutes}, else 6 hours. */
    static long retentionMillis(CommandLine line) {
        String duration = line.text("result-retention", null);
        if (duration != null) {
            return Durations.parse("--result-retention", duration).toMillis();
        }
        long minutes = line.number("result-retention-minutes", 360);
        if (minutes < 1) {
            throw dev.floe.core.FloeException.invalidArgument("--result-retention-minutes must be at least 1, got "
                    + minutes);
        }
        return minutes * 60_000;
    }

    public static void main(String[] args) throws Exception {
        Coordinator coordinator;
        Optional<ProcessHandle> parent;
        try {
            CommandLine line = new CommandLine(args, Set.of("port", "host", "work-dir", "heartbeat-timeout-ms",
                    "result-retention-minutes", "result-retention", ParentProcess.OPTION), USAGE);
            parent = ParentProcess.of(line);
            String given = line.text("work-dir", null);
            // a temporary directory only when none is given (creating one eagerly left an empty directory behind
            // at every start)
            Path work = given != null ? Path.of(given) : Files.createTempDirectory("floe-coordinator");
            Files.createDirectories(work);
            coordinator = new Coordinator(new Coordinator.Config(line.text("host", "127.0.0.1"),
                    (int) line.number("port", 0), work.resolve("results").toAbsolutePath(),
                    line.number("heartbeat-timeout-ms", 5000), 100,
                    retentionMillis(line)), new EngineQueryPlanner());
        } catch (RuntimeException e) {
            CommandLine.fail("floe coordinator", e, 2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(coordinator::close));
        parent.ifPresent(process -> ParentProcess.exitWhenGone("floe coordinator", process));
        System.out.println(READY + coordinator.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
