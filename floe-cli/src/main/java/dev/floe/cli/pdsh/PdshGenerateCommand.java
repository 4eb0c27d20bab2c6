package dev.floe.cli.pdsh;

import dev.floe.core.FloeException;
import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.TableWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code floe pdsh generate --sf SF --out DIR [--parts N]}: writes the eight PDS-H tables as Parquet under DIR/sf<SF>. */
@Command(name = "generate", description = "Generate the PDS-H tables as Parquet files under DIR/sf<SF>/<table>/.")
final class PdshGenerateCommand implements Callable<Integer> {
    @Option(names = "--sf", required = true, paramLabel = "SF", description = "The scale factor, e.g. 0.1, 1 or 10.")
    double scaleFactor;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The data root to write into.")
    Path out;

    @Option(names = "--parts", paramLabel = "N",
            description = "Part files of orders and lineitem (default: max(4, ceil(SF))); other tables have one.")
    Integer parts;

    @Option(names = "--threads", paramLabel = "N", description = "Generator threads (default: all cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
            throw FloeException.invalidArgument("--sf must be a positive number such as 0.1, 1 or 10, not "
                    + scaleFactor);
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw FloeException.invalidArgument("--threads must be at least 1, not " + workers);
        }
        if (parts != null && parts < 1) {
            throw FloeException.invalidArgument("--parts must be at least 1, not " + parts);
        }
        long start = System.nanoTime();
        Path directory = new PdshGenerator(TableWriter.parquet(), workers, parts == null ? 0 : parts).generate(out, scaleFactor, System.err);
        spec.commandLine().getOut().printf("wrote %s in %.1f s%n", directory, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
