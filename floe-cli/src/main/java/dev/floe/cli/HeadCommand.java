package dev.floe.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code floe head FILE [-n N]}: the first rows of a file, printed as a DataFrame. */
@Command(name = "head", description = "Print the first rows of a Parquet, CSV or Arrow IPC file.")
final class HeadCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    String file;

    @Option(names = {"-n", "--rows"}, defaultValue = "10", description = "How many rows (default ${DEFAULT-VALUE}).")
    long rows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (rows < 0) {
            throw dev.floe.core.FloeException.invalidArgument("-n must be >= 0, got " + rows);
        }
        spec.commandLine().getOut().println(Files.scan(file, Files.formatOf(file)).head(rows).collect());
        return 0;
    }
}
