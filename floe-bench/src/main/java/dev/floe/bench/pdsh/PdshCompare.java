package dev.floe.bench.pdsh;

import dev.floe.core.FloeException;
import dev.floe.pdsh.PdshAnswers;
import dev.floe.pdsh.PdshQuery;
import dev.floe.pdsh.ResultComparison;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Floe and DuckDB side by side on the same PDS-H files in one process: per query, Floe's timed runs then DuckDB's,
 * so both see the same machine load; prints medians, bests, the ratio and whether each result matches the answers.
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

    /** Runs the comparison; returns 0, or 1 when a result of either engine differs from its answer. */
    public static int run(String[] args, PdshEngine.Opener floeOpener, PdshEngine.Opener peerOpener, PrintStream out,
            PrintStream err) {
        PdshRunnerCommand.Options options = PdshRunnerCommand.parse(args, "PdshCompare");
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
        try (PdshEngine floe = floeOpener.open(options.data(), options.scaleFactor(), options.threads());
             PdshEngine peer = peerOpener.open(options.data(), options.scaleFactor(), options.threads())) {
            out.printf(Locale.ROOT, "PDS-H sf %s, %d warmup + %d timed runs per query and engine, threads %s%n",
                    options.scaleFactor(), options.warmup(), options.runs(),
                    options.threads() == 0 ? "all" : Integer.toString(options.threads()));
            out.printf(Locale.ROOT, "%-5s %12s %12s %12s %12s %8s  %s%n", "query", "floe median", "floe best",
                    "duckdb med", "duckdb best", "ratio", "answers (floe/duckdb)");
            for (PdshQuery query : PdshQuery.all()) {
                if (options.query() != 0 && options.query() != query.number()) {
                    continue;
                }
                QueryTiming floeTiming = PdshRunnerCommand.time(floe, query.number(), options.warmup(),
                        options.runs());
                QueryTiming peerTiming = PdshRunnerCommand.time(peer, query.number(), options.warmup(),
                        options.runs());
                String verdict = "not checked";
                if (answers != null) {
                    ResultComparison floeCheck = answers.compare(query.number(), floeTiming.result());
                    ResultComparison peerCheck = answers.compare(query.number(), peerTiming.result());
                    verdict = (floeCheck.matches() ? "ok" : "DIFFERS") + "/" + (peerCheck.matches() ? "ok" : "DIFFERS");
                    if (!floeCheck.matches()) {
                        failures++;
                        err.println("floe q" + query.number() + ": " + floeCheck.report());
                    }
                    if (!peerCheck.matches()) {
                        failures++;
                        err.println("duckdb q" + query.number() + ": " + peerCheck.report());
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
