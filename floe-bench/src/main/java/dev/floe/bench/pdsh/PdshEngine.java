package dev.floe.bench.pdsh;

import dev.floe.pdsh.ResultTable;
import java.nio.file.Path;

/** An engine that can run the PDS-H queries over a generated data set: DuckDB now, Floe itself later. */
public interface PdshEngine extends AutoCloseable {
    /** Runs query {@code number} (1 to 22) and returns its whole result. */
    ResultTable run(int number);

    @Override
    void close();

    /** Opens an engine over the data set {@code root/sf<SF>} using {@code threads} threads (0: all cores). */
    @FunctionalInterface
    interface Opener {
        PdshEngine open(Path root, double scaleFactor, int threads);
    }
}
