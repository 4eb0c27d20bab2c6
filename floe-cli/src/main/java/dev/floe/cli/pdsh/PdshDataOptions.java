package dev.floe.cli.pdsh;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.PdshTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --sf} and {@code --data} options shared by the commands that read a generated PDS-H data set. */
final class PdshDataOptions {
    @Option(names = "--sf", required = true, paramLabel = "SF", description = "The scale factor, e.g. 0.1 or 1.")
    double scaleFactor;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The data root holding sf<SF>/<table>/*.parquet (as written by floe pdsh generate).")
    Path data;

    /** The tables of the data set, after checking its directory exists. */
    PdshTables tables() {
        if (!(scaleFactor > 0)) {
            throw FloeException.invalidArgument("--sf must be a positive number, not " + scaleFactor);
        }
        Path directory = PdshGenerator.scaleFactorDirectory(data, scaleFactor);
        if (!Files.isDirectory(directory)) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no PDS-H data at " + directory
                    + "; generate it with: floe pdsh generate --sf " + scaleFactorText() + " --out " + data);
        }
        return PdshTables.of(data.toString(), scaleFactor, Map.of());
    }

    String scaleFactorText() {
        return scaleFactor == Math.rint(scaleFactor) ? Long.toString((long) scaleFactor) : Double.toString(scaleFactor);
    }
}
