package dev.floe.cli;

import dev.floe.ComputeContext;
import dev.floe.LazyFrame;
import dev.floe.QueryHandle;
import dev.floe.QueryResult;
import dev.floe.RemoteQuery;
import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.PdshQueries;
import dev.floe.pdsh.PdshTables;
import dev.floe.pdsh.TableWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code floe demo}: the seeds' distributed example on this machine. Generates PDS-H scale factor 0.1 if missing,
 * starts a local cluster of 3 worker JVMs, runs query 3 with {@code remote(ctx).distributed()} and prints its
 * first rows, its stage graph and its profile.
 */
@Command(name = "demo", description = "Run PDS-H query 3 distributed on a local 3-worker cluster and print its "
        + "first rows, stage graph and profile (generates scale factor 0.1 data first if missing).")
final class DemoCommand implements Callable<Integer> {
    private static final double SCALE_FACTOR = 0.1;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", defaultValue = "floe-data",
            description = "Where PDS-H data lives (generated there if missing). Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--workers", defaultValue = "3", description = "Worker JVMs to start. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--cpus", defaultValue = "1", description = "Threads per worker. Default: ${DEFAULT-VALUE}.")
    int cpus;

    @Option(names = "--memory", defaultValue = "0.5", description = "Heap per worker in GB. Default: ${DEFAULT-VALUE}.")
    double memory;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Path root = data.toAbsolutePath();
        if (!PdshGenerator.isComplete(root, SCALE_FACTOR)) {
            out.println("Generating PDS-H scale factor " + SCALE_FACTOR + " under " + root + " ...");
            out.flush();
            new PdshGenerator(TableWriter.parquet()).generate(root, SCALE_FACTOR, System.err);
        }
        LazyFrame query = PdshQueries.query(3, PdshTables.of(root.toString(), SCALE_FACTOR, Map.of()));
        out.println("Starting a local cluster: a coordinator and " + workers + " worker JVMs (" + cpus
                + " cpu, " + memory + " GB each) ...");
        out.flush();
        long start = System.nanoTime();
        try (ComputeContext context = new ComputeContext(cpus, memory, workers)) {
            RemoteQuery remote = query.remote(context).distributed();
            // What remote.show() does, keeping the handle to print the profile afterwards.
            QueryHandle handle = remote.submit();
            out.println("Cluster up at " + context.address() + " after " + millisSince(start) + " ms.");
            out.println();
            long queryStart = System.nanoTime();
            QueryResult result = handle.awaitResult();
            out.println("PDS-H Q3, lf.remote(ctx).distributed().show() (" + millisSince(queryStart) + " ms, "
                    + result.totalRows() + " rows, " + result.finishedStages() + " of " + result.totalStages()
                    + " stages):");
            out.println(result.head());
            out.println();
            out.println("Stage graph (lf.remote(ctx).explain()):");
            out.println(result.stageGraph().replace(root.toString(), data.toString()));
            out.println("Profile (handle.profile()):");
            out.println(handle.profile().render());
        }
        return 0;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
