package dev.floe.bench.pdsh;

import dev.floe.ComputeContext;
import dev.floe.DataFrame;
import dev.floe.cluster.DistributedOptions;
import dev.floe.pdsh.PdshQueries;
import dev.floe.pdsh.PdshTables;
import dev.floe.pdsh.ResultTable;
import java.util.List;
import java.util.Map;

/**
 * Floe on a cluster as a {@link PdshEngine}: each run sends query N to the context's cluster (a local one of worker
 * JVMs, started by the first run and reused by every later one) and collects the whole result in this process.
 */
public final class FloeClusterPdsh implements PdshEngine {
    private final PdshTables tables;
    private final ComputeContext context;
    private final DistributedOptions options;

    private FloeClusterPdsh(PdshTables tables, ComputeContext context, DistributedOptions options) {
        this.tables = tables;
        this.context = context;
        this.options = options;
    }

    /**
     * An opener of a local cluster of {@code workers} worker JVMs with a heap of {@code memoryGigabytes} each and
     * the opener's thread count as each worker's cpus (0: this machine's cores), with the default options.
     */
    public static PdshEngine.Opener local(int workers, double memoryGigabytes) {
        return local(workers, memoryGigabytes, 0, DistributedOptions.defaults());
    }

    /**
     * As {@link #local(int, double)}, with {@code workerCpus} cpus per worker (0: the opener's thread count, or
     * this machine's cores) and these distributed options.
     */
    public static PdshEngine.Opener local(int workers, double memoryGigabytes, int workerCpus,
            DistributedOptions options) {
        return (root, scaleFactor, threads) -> {
            int cpus = workerCpus > 0 ? workerCpus : threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            return new FloeClusterPdsh(PdshTables.of(root.toAbsolutePath().toString(), scaleFactor, Map.of()),
                    new ComputeContext(cpus, memoryGigabytes, workers), options);
        };
    }

    @Override
    public ResultTable run(int number) {
        DataFrame result = PdshQueries.query(number, tables).remote(context).distributed(options).collectFrame();
        return ResultTable.fromBatches(result.schema(), List.of(result.toBatch()));
    }

    @Override
    public void close() {
        context.close();
    }
}
