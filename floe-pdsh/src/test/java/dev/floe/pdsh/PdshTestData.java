package dev.floe.pdsh;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/** PDS-H data for tests: generated once at a scale factor under {@code target/pdsh-data} and reused by later runs. */
final class PdshTestData {
    static final Path ROOT = Path.of("target", "pdsh-data").toAbsolutePath();

    private PdshTestData() {
    }

    static synchronized PdshTables tables(double scaleFactor) {
        if (!PdshGenerator.isComplete(ROOT, scaleFactor)) {
            new PdshGenerator(TableWriter.parquet()).generate(ROOT, scaleFactor, new PrintStream(OutputStream.nullOutputStream()));
        }
        return PdshTables.of(ROOT.toString(), scaleFactor, Map.of());
    }
}
