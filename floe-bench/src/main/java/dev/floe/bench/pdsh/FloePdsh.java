package dev.floe.bench.pdsh;

import dev.floe.DataFrame;
import dev.floe.exec.ExecutionOptions;
import dev.floe.pdsh.PdshQueries;
import dev.floe.pdsh.PdshTables;
import dev.floe.pdsh.ResultTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Floe itself as a {@link PdshEngine}: each run plans query N over the Parquet files and collects it in memory. */
public final class FloePdsh implements PdshEngine {
    private final PdshTables tables;
    private final ExecutionOptions options;

    private FloePdsh(PdshTables tables, ExecutionOptions options) {
        this.tables = tables;
        this.options = options;
    }

    /** Floe over {@code root/sf<SF>} with {@code threads} worker threads (0: all cores). */
    public static FloePdsh open(Path root, double scaleFactor, int threads) {
        ExecutionOptions options = threads > 0 ? ExecutionOptions.defaults().withThreads(threads)
                : ExecutionOptions.defaults();
        return new FloePdsh(PdshTables.of(root.toString(), scaleFactor, Map.of()), options);
    }

    @Override
    public ResultTable run(int number) {
        DataFrame result = PdshQueries.query(number, tables).collect(options);
        return ResultTable.fromBatches(result.schema(), List.of(result.toBatch()));
    }

    @Override
    public void close() {
    }

    /** {@code FloePdsh --sf SF --data DIR --runs R --warmup W [--query N] [--threads T]}: Floe alone. */
    public static void main(String[] args) {
        try {
            System.exit(PdshRunnerCommand.run(args, "FloePdsh", FloePdsh::open, System.out, System.err));
        } catch (dev.floe.core.FloeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
