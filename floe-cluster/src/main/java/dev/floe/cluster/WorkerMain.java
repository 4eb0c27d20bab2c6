package dev.floe.cluster;

import dev.floe.cluster.plan.StageJobs;
import dev.floe.cluster.worker.EngineTaskRunner;
import dev.floe.cluster.worker.Runners;
import dev.floe.cluster.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A worker process: {@code WorkerMain --coordinator HOST:P --cpus C [--memory M] [--slots S] [--host H] [--port P]
 * [--work-dir D] [--same-host-reads true|false] [--exit-with PID]}. Exits with status 2 and a clear message when
 * the coordinator cannot be reached after a bounded number of attempts, with status 3 when it loses the coordinator for good, and
 * with status 4 when the process {@code --exit-with} names ends (a local cluster's workers follow the JVM that
 * started them).
 */
public final class WorkerMain {
    static final String READY = "FLOE WORKER REGISTERED ";
    private static final String USAGE = "floe worker --coordinator HOST:PORT --cpus C [--memory 2g] [--slots S] "
            + "[--host 127.0.0.1] [--port 0] [--work-dir DIR] [--registration-attempts 10] "
            + "[--same-host-reads true|false] [--exit-with PID]";

    private WorkerMain() {
    }

    /** {@code --same-host-reads}: {@code true} (the default) or {@code false}, nothing else. */
    private static boolean sameHostReads(CommandLine line) {
        String value = line.text("same-host-reads", "true");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw dev.floe.core.FloeException.invalidArgument(
                    "--same-host-reads must be true or false, got '" + value + "'");
        };
    }

    public static void main(String[] args) throws Exception {
        Worker worker;
        try {
            CommandLine line = new CommandLine(args, Set.of("coordinator", "cpus", "memory", "slots", "host", "port",
                    "work-dir", "registration-attempts", "same-host-reads", ParentProcess.OPTION), USAGE);
            ParentProcess.of(line).ifPresent(process -> ParentProcess.exitWhenGone("floe worker", process));
            String coordinator = line.required("coordinator", USAGE);
            long cpus = line.number("cpus", Runtime.getRuntime().availableProcessors());
            if (cpus < 1) {
                throw dev.floe.core.FloeException.invalidArgument("--cpus must be at least 1, got " + cpus);
            }
            String given = line.text("work-dir", null);
            // a temporary directory only when none is given (creating one eagerly left an empty directory behind
            // at every start)
            Path work = given != null ? Path.of(given) : Files.createTempDirectory("floe-worker");
            int slots = (int) line.number("slots", cpus);
            Runners.register(StageJobs.ENGINE_RUNNER, new EngineTaskRunner((int) Math.max(1, cpus / Math.max(1, slots))));
            worker = new Worker(new Worker.Config(coordinator, line.text("host", "127.0.0.1"),
                    (int) line.number("port", 0), slots, work,
                    (int) line.number("registration-attempts", 10), 30_000, sameHostReads(line)));
            worker.register();
        } catch (RuntimeException e) {
            CommandLine.fail("floe worker", e, 2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(worker::close));
        System.out.println(READY + worker.address());
        System.out.flush();
        try {
            worker.run();
        } catch (RuntimeException e) {
            CommandLine.fail("floe worker", e, 3);
        }
    }
}
