package dev.floe.cli.pdsh;

import picocli.CommandLine.Command;

/** {@code floe pdsh}: the group of PDS-H (TPC-H derived) benchmark commands: generate, run, explain. */
@Command(name = "pdsh", description = "Generate PDS-H data, run the 22 PDS-H queries and show their plans.",
        subcommands = {PdshGenerateCommand.class, PdshRunCommand.class, PdshExplainCommand.class})
public final class PdshCommand {
}
