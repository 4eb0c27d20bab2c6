package dev.floe.cli;

import dev.floe.cluster.CoordinatorMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe coordinator}: starts a coordinator process by hand, for workers on several hosts to join. */
@Command(name = "coordinator", description = "Start a coordinator; workers join it with "
        + "'floe worker --coordinator HOST:PORT', clients with ComputeContext.builder().address(\"HOST:PORT\").")
final class CoordinatorCommand implements Callable<Integer> {
    @Option(names = "--port", required = true, description = "Port to listen on (0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (0.0.0.0 for every interface). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--work-dir", description = "Directory for query results (a temporary directory if unset).")
    String workDirectory;

    @Option(names = "--heartbeat-timeout-ms", defaultValue = "5000",
            description = "A worker silent this long is declared dead. Default: ${DEFAULT-VALUE}.")
    long heartbeatTimeoutMillis;

    @Option(names = "--result-retention", defaultValue = "6h", description = "Results of queries without a sink "
            + "are deleted after this long (90s, 30m, 6h, 2d). Default: ${DEFAULT-VALUE}.")
    String resultRetention;

    @Override
    public Integer call() throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port), "--host", host,
                "--heartbeat-timeout-ms", Long.toString(heartbeatTimeoutMillis), "--result-retention",
                resultRetention));
        if (workDirectory != null) {
            arguments.addAll(List.of("--work-dir", workDirectory));
        }
        CoordinatorMain.main(arguments.toArray(String[]::new));
        return 0;
    }
}
