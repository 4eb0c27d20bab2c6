package dev.floe.bench.pdsh;

import dev.floe.ComputeContext;
import dev.floe.DataFrame;
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

    private FloeClusterPdsh(PdshTables tables, ComputeContext context) {
        this.tables = tables;
        this.context = context;
    }

    /**
     * An opener of a local cluster of {@code workers} worker JVMs with a heap of {@code memoryGigabytes} each and
     * the opener's thread count as each worker's cpus (0: this machine's cores).
     */
    public static PdshEngine.Opener local(int workers, double memoryGigabytes) {
        return (root, scaleFactor, threads) -> new FloeClusterPdsh(
                PdshTables.of(root.toAbsolutePath().toString(), scaleFactor, Map.of()),
                new ComputeContext(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                        memoryGigabytes, workers));
    }

    @Override
    public ResultTable run(int number) {
        DataFrame result = PdshQueries.query(number, tables).remote(context).distributed().collectFrame();
        return ResultTable.fromBatches(result.schema(), List.of(result.toBatch()));
    }

    @Override
    public void close() {
        context.close();
    }
}
