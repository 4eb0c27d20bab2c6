package dev.floe.cli.pdsh;

import dev.floe.pdsh.PdshQueries;
import dev.floe.pdsh.PdshQuery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code floe pdsh explain --query N --sf SF --data DIR [--unoptimized | --distributed [--workers K]]}: a PDS-H
 * query's plan, or with {@code --distributed} its stage graph.
 */
@Command(name = "explain", description = {"Print the optimized (or, with --unoptimized, the logical) plan of a query,",
        "or with --distributed the stage graph it runs as on a cluster of --workers (default 3) workers."})
final class PdshExplainCommand implements Callable<Integer> {
    @Option(names = "--query", required = true, paramLabel = "N", description = "The query number, 1 to 22.")
    int query;

    @Mixin
    PdshDataOptions data = new PdshDataOptions();

    @Option(names = "--unoptimized", description = "Print the logical plan as written, before optimization.")
    boolean unoptimized;

    @Option(names = "--distributed", description = "Print the stage graph of the distributed plan.")
    boolean distributed;

    @Option(names = "--workers", paramLabel = "K", defaultValue = "3",
            description = "Workers the stage graph is planned for (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--threads", paramLabel = "T",
            description = "Task threads per worker the stage graph is planned for, as `pdsh run --threads` gives "
                    + "them (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PdshQuery.of(query);
        if (distributed && unoptimized) {
            throw dev.floe.core.FloeException.invalidArgument("--distributed plans the optimized query; drop --unoptimized");
        }
        var frame = PdshQueries.query(query, data.tables());
        if (threads != null && threads < 1) {
            throw dev.floe.core.FloeException.invalidArgument("--threads must be at least 1, not " + threads);
        }
        if (distributed) {
            int cpus = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            try (var context = new dev.floe.ComputeContext(cpus, 1, workers)) {
                spec.commandLine().getOut().print(frame.remote(context).distributed().explain());
            }
        } else {
            spec.commandLine().getOut().print(frame.explain(!unoptimized));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
