package dev.floe.bench.pdsh;

import dev.floe.core.FloeException;
import dev.floe.pdsh.PdshAnswers;
import dev.floe.pdsh.PdshQuery;
import dev.floe.pdsh.ResultComparison;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Two engines side by side on the same PDS-H files in one run (Floe and DuckDB here; the local engine and a cluster
 * in {@link DistributedCompare}): per query, the first engine's timed runs then the second's, so both see the same
 * machine load; prints medians, bests, the ratio and whether each result matches the answers (or, at a scale
 * without answers, whether the second engine's result matches the first's).
 * {@code PdshCompare --sf SF --data DIR --runs R --warmup W [--query N] [--threads T] [--answers DIR | --no-check]}.
 */
public final class PdshCompare {
    private PdshCompare() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, FloePdsh::open, DuckDbPdsh::open, System.out, System.err));
        } catch (FloeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** An engine of the comparison and the name its columns are printed under. */
    public record Side(String name, PdshEngine.Opener opener) {
    }

    /** Floe against DuckDB; returns 0, or 1 when a result of either engine differs from its answer. */
    public static int run(String[] args, PdshEngine.Opener floeOpener, PdshEngine.Opener peerOpener, PrintStream out,
            PrintStream err) {
        return run("PdshCompare", args, new Side("floe", floeOpener), new Side("duckdb", peerOpener), out, err);
    }

    /**
     * Runs the comparison of {@code first} and {@code second}; returns 0, or 1 when a result differs from its answer
     * (or, without answers, when the second engine's result differs from the first's).
     */
    public static int run(String command, String[] args, Side first, Side second, PrintStream out, PrintStream err) {
        PdshRunnerCommand.Options options = PdshRunnerCommand.parse(args, command);
        PdshAnswers answers = null;
        if (options.check() && options.answers() != null) {
            answers = PdshAnswers.fromDirectory(options.answers());
        } else if (options.check() && PdshAnswers.onClasspath(options.scaleFactor())) {
            answers = PdshAnswers.fromClasspath(options.scaleFactor());
        }
        int failures = 0;
        double floeTotal = 0;
        double peerTotal = 0;
        double floeBestTotal = 0;
        double peerBestTotal = 0;
        try (PdshEngine floe = first.opener().open(options.data(), options.scaleFactor(), options.threads());
             PdshEngine peer = second.opener().open(options.data(), options.scaleFactor(), options.threads())) {
            out.printf(Locale.ROOT, "PDS-H sf %s, %d warmup + %d timed runs per query and engine, threads %s%n",
                    options.scaleFactor(), options.warmup(), options.runs(),
                    options.threads() == 0 ? "all" : Integer.toString(options.threads()));
            out.printf(Locale.ROOT, "%-5s %12s %12s %12s %12s %8s  %s%n", "query", first.name() + " median",
                    first.name() + " best", second.name() + " med", second.name() + " best", "ratio",
                    answers != null ? "answers (" + first.name() + "/" + second.name() + ")"
                            : options.check() ? second.name() + " vs " + first.name() : "");
            for (PdshQuery query : PdshQuery.all()) {
                if (options.query() != 0 && options.query() != query.number()) {
                    continue;
                }
                QueryTiming floeTiming = PdshRunnerCommand.time(floe, query.number(), options.warmup(),
                        options.runs());
                QueryTiming peerTiming = PdshRunnerCommand.time(peer, query.number(), options.warmup(),
                        options.runs());
                String verdict = "not checked";
                if (answers == null && options.check()) {
                    ResultComparison same = ResultComparison.compare(query, floeTiming.result(), peerTiming.result());
                    verdict = same.matches() ? "same" : "DIFFERS";
                    if (!same.matches()) {
                        failures++;
                        err.println(second.name() + " q" + query.number() + " against " + first.name() + ": "
                                + same.report());
                    }
                }
                if (answers != null) {
                    ResultComparison floeCheck = answers.compare(query.number(), floeTiming.result());
                    ResultComparison peerCheck = answers.compare(query.number(), peerTiming.result());
                    verdict = (floeCheck.matches() ? "ok" : "DIFFERS") + "/" + (peerCheck.matches() ? "ok" : "DIFFERS");
                    if (!floeCheck.matches()) {
                        failures++;
                        err.println(first.name() + " q" + query.number() + ": " + floeCheck.report());
                    }
                    if (!peerCheck.matches()) {
                        failures++;
                        err.println(second.name() + " q" + query.number() + ": " + peerCheck.report());
                    }
                }
                floeTotal += floeTiming.median();
                peerTotal += peerTiming.median();
                floeBestTotal += floeTiming.best();
                peerBestTotal += peerTiming.best();
                out.printf(Locale.ROOT, "q%02d   %12.3f %12.3f %12.3f %12.3f %8.2f  %s%n", query.number(),
                        floeTiming.median(), floeTiming.best(), peerTiming.median(), peerTiming.best(),
                        floeTiming.median() / peerTiming.median(), verdict);
            }
            out.printf(Locale.ROOT, "total %12.3f %12.3f %12.3f %12.3f %8.2f%n", floeTotal, floeBestTotal, peerTotal,
                    peerBestTotal, floeTotal / peerTotal);
        }
        return failures == 0 ? 0 : 1;
    }
}
