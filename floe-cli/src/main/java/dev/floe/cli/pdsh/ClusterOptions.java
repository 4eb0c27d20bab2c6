package dev.floe.cli.pdsh;

import dev.floe.ComputeContext;
import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import dev.floe.cluster.DistributedOptions;
import dev.floe.core.FloeException;
import dev.floe.exec.ExecutionOptions;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --distributed [--workers K | --cluster HOST:PORT] [--memory GB]}: run PDS-H on a cluster — a local one of
 * K worker JVMs started for the command (3 by default) or a running one — instead of in this process.
 */
final class ClusterOptions {
    @Option(names = "--distributed", description = "Run on a cluster: --workers local workers, or --cluster.")
    boolean distributed;

    @Option(names = "--workers", paramLabel = "K", description = "Local worker JVMs to start (default 3).")
    Integer workers;

    @Option(names = "--cluster", paramLabel = "HOST:PORT", description = "The coordinator of a running cluster.")
    String cluster;

    @Option(names = "--memory", paramLabel = "GB", defaultValue = "2",
            description = "Heap per local worker in GB (default ${DEFAULT-VALUE}).")
    double memory;

    void check() {
        if (!distributed && (workers != null || cluster != null)) {
            throw FloeException.invalidArgument("--workers and --cluster go with --distributed");
        }
        if (workers != null && cluster != null) {
            throw FloeException.invalidArgument("give --workers (a local cluster) or --cluster HOST:PORT, not both");
        }
        if (workers != null && workers < 1) {
            throw FloeException.invalidArgument("--workers must be at least 1, not " + workers);
        }
    }

    /** The cluster to run on, or {@code null} for this process. Closing it stops a local cluster. */
    ComputeContext open(Integer threads) {
        check();
        if (!distributed) {
            return null;
        }
        if (cluster != null) {
            return ComputeContext.builder().address(cluster).build();
        }
        int cpus = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new ComputeContext(cpus, memory, workers == null ? 3 : workers);
    }

    /**
     * How a query runs to a complete in-memory result: on the cluster, planned with {@code distributed}, or locally
     * with {@code options}.
     */
    static Function<LazyFrame, DataFrame> engine(ComputeContext context, ExecutionOptions options,
            DistributedOptions distributed) {
        return context == null ? query -> query.collect(options)
                : query -> query.remote(context).distributed(distributed).collectFrame();
    }
}
