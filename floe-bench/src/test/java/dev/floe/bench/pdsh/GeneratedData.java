package dev.floe.bench.pdsh;

import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.TableWriter;
import java.nio.file.Path;

/** The PDS-H SF 0.1 Parquet files the floe-bench tests run on, generated once under target/ (cleaned by mvn clean). */
final class GeneratedData {
    static final double SCALE_FACTOR = 0.1;
    static final Path DATA = Path.of("target", "pdsh-parquet");

    private GeneratedData() {
    }

    /** Generates the files unless a complete set is already there. */
    static synchronized void ensure() {
        if (!PdshGenerator.isComplete(DATA, SCALE_FACTOR)) {
            new PdshGenerator(TableWriter.parquet()).generate(DATA, SCALE_FACTOR, System.err);
        }
    }
}
