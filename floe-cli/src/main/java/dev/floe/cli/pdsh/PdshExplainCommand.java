package dev.floe.cli.pdsh;

import dev.floe.pdsh.PdshQueries;
import dev.floe.pdsh.PdshQuery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code floe pdsh explain --query N --sf SF --data DIR [--unoptimized]}: a PDS-H query's plan. */
@Command(name = "explain", description = "Print the optimized (or, with --unoptimized, the logical) plan of a query.")
final class PdshExplainCommand implements Callable<Integer> {
    @Option(names = "--query", required = true, paramLabel = "N", description = "The query number, 1 to 22.")
    int query;

    @Mixin
    PdshDataOptions data = new PdshDataOptions();

    @Option(names = "--unoptimized", description = "Print the logical plan as written, before optimization.")
    boolean unoptimized;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PdshQuery.of(query);
        spec.commandLine().getOut().print(PdshQueries.query(query, data.tables()).explain(!unoptimized));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
