package dev.floe.cli.pdsh;

import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import dev.floe.pdsh.PdshQueries;
import dev.floe.pdsh.PdshTables;
import dev.floe.pdsh.ResultTable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one PDS-H query untimed warmups then timed runs, each from the Parquet files to a complete in-memory result
 * (in this process, or on a cluster).
 */
final class QueryRunner {
    private QueryRunner() {
    }

    /** The seconds of each timed run and the result of the last one. */
    record Timed(int query, double[] seconds, ResultTable result) {
        double best() {
            return Arrays.stream(seconds).min().orElseThrow();
        }

        double median() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /** Listens to each timed run as it finishes. */
    @FunctionalInterface
    interface RunListener {
        void finished(int run, double seconds);
    }

    static Timed run(int query, PdshTables tables, Function<LazyFrame, DataFrame> engine, int warmup, int runs,
            RunListener listener) {
        for (int i = 0; i < warmup; i++) {
            engine.apply(PdshQueries.query(query, tables));
        }
        double[] seconds = new double[runs];
        DataFrame last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = engine.apply(PdshQueries.query(query, tables));
            seconds[i] = (System.nanoTime() - start) / 1e9;
            listener.finished(i + 1, seconds[i]);
        }
        return new Timed(query, seconds, ResultTable.fromBatches(last.schema(), List.of(last.toBatch())));
    }
}
