package dev.floe.bench.pdsh;

import dev.floe.cluster.DistributedOptions;
import dev.floe.core.FloeException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A local cluster of worker JVMs and the local engine side by side on the same PDS-H files in one run: every query's
 * warm-ups and timed runs on the cluster, which is then stopped, then every query on the local engine in this
 * process; prints medians, bests, the cluster/local ratio and the answer checks (at a scale without answers, whether
 * the local result matches the cluster's). Sequential by default because the workers keep compiling for a second
 * or more after a query's runs: interleaved per query ({@code --interleaved}), that JIT work ran beside the local
 * engine's runs and slowed them (PDS-H SF1 q19 locally 0.76 s at best instead of 0.21 s).
 * {@code DistributedCompare --sf SF --data DIR --runs R --warmup W [--workers K] [--memory GB] [--query N]
 * [--threads T] [--worker-cpus C] [--partitions-per-worker P] [--answers DIR | --no-check] [--interleaved]}: K
 * workers (3 by default) with a heap of GB each (3 by default) and C cpus each (T, or this machine's cores, by
 * default); T threads for the local engine (all cores by default); P partitions per worker in each stage (one per
 * task slot by default).
 */
public final class DistributedCompare {
    private DistributedCompare() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, System.out, System.err));
        } catch (FloeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Runs the comparison; returns 0, or 1 when a result differs. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        int workers = 3;
        double memory = 3;
        int workerCpus = 0;
        int partitionsPerWorker = DistributedOptions.ONE_PER_TASK_SLOT;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workers" -> workers = (int) number(args, ++i);
                case "--memory" -> memory = number(args, ++i);
                case "--worker-cpus" -> workerCpus = (int) number(args, ++i);
                case "--partitions-per-worker" -> partitionsPerWorker = (int) number(args, ++i);
                default -> rest.add(args[i]);
            }
        }
        if (workers < 1 || memory <= 0 || workerCpus < 0 || partitionsPerWorker < 0) {
            throw FloeException.invalidArgument("--workers must be at least 1, --memory above 0 and --worker-cpus and "
                    + "--partitions-per-worker at least 0, not " + workers + ", " + memory + ", " + workerCpus
                    + " and " + partitionsPerWorker);
        }
        return PdshCompare.run("DistributedCompare", rest.toArray(String[]::new),
                new PdshCompare.Side("cluster", FloeClusterPdsh.local(workers, memory, workerCpus,
                        DistributedOptions.defaults().withPartitionsPerWorker(partitionsPerWorker))),
                new PdshCompare.Side("local", FloePdsh::open), true, out, err);
    }

    private static double number(String[] args, int index) {
        if (index >= args.length) {
            throw FloeException.invalidArgument("option " + args[index - 1] + " needs a value");
        }
        try {
            return Double.parseDouble(args[index]);
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument(args[index - 1] + " needs a number, not '" + args[index] + "'");
        }
    }
}
