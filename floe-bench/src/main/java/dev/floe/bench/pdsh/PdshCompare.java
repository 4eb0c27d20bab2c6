package dev.floe.bench.pdsh;

import dev.floe.core.FloeException;
import dev.floe.pdsh.PdshAnswers;
import dev.floe.pdsh.PdshQuery;
import dev.floe.pdsh.ResultComparison;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two engines side by side on the same PDS-H files in one run (Floe and DuckDB here; the local engine and a cluster
 * in {@link DistributedCompare}): by default per query, the first engine's timed runs then the second's, so both see
 * the same machine load; with {@code --sequential}, every query on the first engine, which is then closed, and then
 * every query on the second, so nothing the first leaves running in the background (a cluster's worker JVMs still
 * compiling) takes cores from the second. Prints medians, bests, the ratio and whether each result matches the
 * answers (or, at a scale without answers, whether the second engine's result matches the first's).
 * {@code PdshCompare --sf SF --data DIR --runs R --warmup W [--query N] [--threads T] [--answers DIR | --no-check]
 * [--sequential | --interleaved]}.
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
        return run(command, args, first, second, false, out, err);
    }

    /** As {@link #run(String, String[], Side, Side, PrintStream, PrintStream)}, {@code sequential} by default. */
    static int run(String command, String[] args, Side first, Side second, boolean sequential, PrintStream out,
            PrintStream err) {
        PdshRunnerCommand.Options options = PdshRunnerCommand.parse(args, command, sequential);
        PdshAnswers answers = null;
        if (options.check() && options.answers() != null) {
            answers = PdshAnswers.fromDirectory(options.answers());
        } else if (options.check() && PdshAnswers.onClasspath(options.scaleFactor())) {
            answers = PdshAnswers.fromClasspath(options.scaleFactor());
        }
        List<PdshQuery> queries = PdshQuery.all().stream()
                .filter(query -> options.query() == 0 || options.query() == query.number()).toList();
        out.printf(Locale.ROOT, "PDS-H sf %s, %d warmup + %d timed runs per query and engine, threads %s%s%n",
                options.scaleFactor(), options.warmup(), options.runs(),
                options.threads() == 0 ? "all" : Integer.toString(options.threads()),
                options.sequential() ? ", every query on " + first.name() + " first, then on " + second.name() : "");
        out.printf(Locale.ROOT, "%-5s %12s %12s %12s %12s %8s  %s%n", "query", first.name() + " median",
                first.name() + " best", second.name() + " med", second.name() + " best", "ratio",
                answers != null ? "answers (" + first.name() + "/" + second.name() + ")"
                        : options.check() ? second.name() + " vs " + first.name() : "");
        Table table = new Table(first, second, answers, options.check(), out, err);
        if (options.sequential()) {
            List<QueryTiming> firstTimings = timeAll(first, queries, options);
            List<QueryTiming> secondTimings = timeAll(second, queries, options);
            for (int i = 0; i < queries.size(); i++) {
                table.row(queries.get(i), firstTimings.get(i), secondTimings.get(i));
            }
        } else {
            try (PdshEngine one = open(first, options); PdshEngine other = open(second, options)) {
                for (PdshQuery query : queries) {
                    QueryTiming firstTiming = time(one, query, options);
                    QueryTiming secondTiming = time(other, query, options);
                    table.row(query, firstTiming, secondTiming);
                }
            }
        }
        return table.total();
    }

    private static PdshEngine open(Side side, PdshRunnerCommand.Options options) {
        return side.opener().open(options.data(), options.scaleFactor(), options.threads());
    }

    private static QueryTiming time(PdshEngine engine, PdshQuery query, PdshRunnerCommand.Options options) {
        return PdshRunnerCommand.time(engine, query.number(), options.warmup(), options.runs());
    }

    /** Every query on {@code side}'s engine, which is closed before this returns. */
    private static List<QueryTiming> timeAll(Side side, List<PdshQuery> queries, PdshRunnerCommand.Options options) {
        List<QueryTiming> timings = new ArrayList<>();
        try (PdshEngine engine = open(side, options)) {
            for (PdshQuery query : queries) {
                timings.add(time(engine, query, options));
            }
        }
        return timings;
    }

    /** Prints the rows as they come, with each result's check, and the totals at the end. */
    private static final class Table {
        private final Side first;
        private final Side second;
        private final PdshAnswers answers;
        private final boolean check;
        private final PrintStream out;
        private final PrintStream err;
        private int failures;
        private double firstTotal;
        private double secondTotal;
        private double firstBestTotal;
        private double secondBestTotal;

        Table(Side first, Side second, PdshAnswers answers, boolean check, PrintStream out, PrintStream err) {
            this.first = first;
            this.second = second;
            this.answers = answers;
            this.check = check;
            this.out = out;
            this.err = err;
        }

        void row(PdshQuery query, QueryTiming firstTiming, QueryTiming secondTiming) {
            String verdict = "not checked";
            if (answers == null && check) {
                ResultComparison same = ResultComparison.compare(query, firstTiming.result(), secondTiming.result());
                verdict = same.matches() ? "same" : "DIFFERS";
                if (!same.matches()) {
                    failures++;
                    err.println(second.name() + " q" + query.number() + " against " + first.name() + ": "
                            + same.report());
                }
            }
            if (answers != null) {
                ResultComparison firstCheck = answers.compare(query.number(), firstTiming.result());
                ResultComparison secondCheck = answers.compare(query.number(), secondTiming.result());
                verdict = (firstCheck.matches() ? "ok" : "DIFFERS") + "/" + (secondCheck.matches() ? "ok" : "DIFFERS");
                if (!firstCheck.matches()) {
                    failures++;
                    err.println(first.name() + " q" + query.number() + ": " + firstCheck.report());
                }
                if (!secondCheck.matches()) {
                    failures++;
                    err.println(second.name() + " q" + query.number() + ": " + secondCheck.report());
                }
            }
            firstTotal += firstTiming.median();
            secondTotal += secondTiming.median();
            firstBestTotal += firstTiming.best();
            secondBestTotal += secondTiming.best();
            out.printf(Locale.ROOT, "q%02d   %12.3f %12.3f %12.3f %12.3f %8.2f  %s%n", query.number(),
                    firstTiming.median(), firstTiming.best(), secondTiming.median(), secondTiming.best(),
                    firstTiming.median() / secondTiming.median(), verdict);
        }

        /** Prints the totals; 0, or 1 when a result differed. */
        int total() {
            out.printf(Locale.ROOT, "total %12.3f %12.3f %12.3f %12.3f %8.2f%n", firstTotal, firstBestTotal,
                    secondTotal, secondBestTotal, firstTotal / secondTotal);
            return failures == 0 ? 0 : 1;
        }
    }
}
