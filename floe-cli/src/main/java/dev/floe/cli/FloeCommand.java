package dev.floe.cli;

import dev.floe.cli.pdsh.PdshCommand;
import dev.floe.core.FloeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code floe} command: the entry point of {@code ./floe}. */
@Command(name = "floe", mixinStandardHelpOptions = true, version = "floe 0.1.0",
        description = "A lazy DataFrame engine for the JVM with the Polars API and a distributed mode.",
        subcommands = {DemoCommand.class, SchemaCommand.class, HeadCommand.class, ConvertCommand.class,
                CoordinatorCommand.class, WorkerCommand.class,
                PdshCommand.class,
                CommandLine.HelpCommand.class})
public final class FloeCommand {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code: 0 on success, 1 for a Floe error, 2 for bad usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        FloeCommand root = new FloeCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            boolean verbose = root.verbose || parsed.hasMatchedOption("--verbose");
            if (error instanceof FloeException floe) {
                err.println("floe: " + floe.getMessage());
            } else {
                err.println("floe: internal error: " + error);
            }
            if (verbose) {
                error.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return commandLine.execute(args);
    }
}
