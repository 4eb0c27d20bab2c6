package dev.floe.cli;

import dev.floe.LazyFrame;
import dev.floe.io.FileFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code floe convert IN OUT}: rewrites a file in another format, each chosen by extension. */
@Command(name = "convert", description = "Convert between Parquet, CSV and Arrow IPC (formats chosen by extension).")
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    String input;

    @Parameters(index = "1", paramLabel = "OUT")
    String output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LazyFrame frame = Files.scan(input, Files.formatOf(input));
        FileFormat target = Files.formatOf(output);
        switch (target) {
            case PARQUET -> frame.sinkParquet(output);
            case CSV -> frame.sinkCsv(output);
            case IPC -> frame.sinkIpc(output);
        }
        spec.commandLine().getOut().println("wrote " + output);
        return 0;
    }
}
