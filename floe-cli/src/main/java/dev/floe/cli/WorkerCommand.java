package dev.floe.cli;

import dev.floe.cluster.WorkerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe worker}: starts a worker process that registers with a coordinator and runs its tasks. */
@Command(name = "worker", description = "Start a worker that joins a coordinator and runs query tasks. Its heap is "
        + "the JVM's (set -Xmx through FLOE_JAVA_OPTS, e.g. FLOE_JAVA_OPTS=-Xmx4g).")
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--coordinator", required = true, description = "The coordinator's HOST:PORT.")
    String coordinator;

    @Option(names = "--cpus", description = "Task threads (default: the machine's processors).")
    Integer cpus;

    @Option(names = "--memory", description = "Memory this worker may use, e.g. 4g (the heap comes from -Xmx).")
    String memory;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address peers reach this worker's shuffle data at. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Shuffle data port (0 picks a free one).")
    int port;

    @Option(names = "--work-dir", description = "Directory for shuffle files (a temporary directory if unset).")
    String workDirectory;

    @Option(names = "--same-host-reads", arity = "1", defaultValue = "true", description = "Read the shuffle files "
            + "of peers on this host in place (true), or fetch every peer's over Arrow Flight as from another host "
            + "(false); false also stops advertising this worker's --work-dir to peers. Default: ${DEFAULT-VALUE}.")
    boolean sameHostReads;

    @Override
    public Integer call() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--coordinator", coordinator, "--host", host, "--port",
                Integer.toString(port), "--cpus", Integer.toString(cpus != null ? cpus
                        : Runtime.getRuntime().availableProcessors())));
        if (memory != null) {
            arguments.addAll(List.of("--memory", memory));
        }
        if (workDirectory != null) {
            arguments.addAll(List.of("--work-dir", workDirectory));
        }
        arguments.addAll(List.of("--same-host-reads", Boolean.toString(sameHostReads)));
        WorkerMain.main(arguments.toArray(String[]::new));
        return 0;
    }
}
