package dev.floe.bench.pdsh;

import dev.floe.core.FloeException;
import dev.floe.pdsh.PdshAnswers;
import dev.floe.pdsh.PdshQuery;
import dev.floe.pdsh.ResultComparison;
import dev.floe.pdsh.ResultTable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line shared by the PDS-H runners: {@code --sf SF --data DIR --runs R --warmup W [--query N]
 * [--threads T] [--answers DIR | --no-check] [--sequential | --interleaved]}; prints per-query seconds and checks
 * results against the answers. The last pair matters only to the comparisons of two engines: each query on both in
 * turn (interleaved), or every query on the first, which is then closed, and then every query on the second.
 */
public final class PdshRunnerCommand {
    private PdshRunnerCommand() {
    }

    /** Parsed options of a run. */
    record Options(double scaleFactor, Path data, int runs, int warmup, int query, int threads, Path answers,
            boolean check, boolean sequential) {
    }

    static Options parse(String[] args, String name) {
        return parse(args, name, false);
    }

    /**
     * The options; {@code sequential} is the comparison's default order, which {@code --sequential} or
     * {@code --interleaved} override.
     */
    static Options parse(String[] args, String name, boolean sequential) {
        double scaleFactor = 1;
        Path data = Path.of("data");
        int runs = 3;
        int warmup = 1;
        int query = 0;
        int threads = 0;
        Path answers = null;
        boolean check = true;
        String usage = "usage: " + name + " --sf SF --data DIR --runs R --warmup W [--query N] [--threads T]"
                + " [--answers DIR | --no-check] [--sequential | --interleaved]";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--no-check" -> check = false;
                case "--sequential" -> sequential = true;
                case "--interleaved" -> sequential = false;
                case "--sf" -> scaleFactor = number(option, value(args, ++i, usage));
                case "--data" -> data = Path.of(value(args, ++i, usage));
                case "--runs" -> runs = (int) number(option, value(args, ++i, usage));
                case "--warmup" -> warmup = (int) number(option, value(args, ++i, usage));
                case "--query" -> query = (int) number(option, value(args, ++i, usage));
                case "--threads" -> threads = (int) number(option, value(args, ++i, usage));
                case "--answers" -> answers = Path.of(value(args, ++i, usage));
                default -> throw FloeException.invalidArgument("unknown option " + option + "; " + usage);
            }
        }
        if (query != 0) {
            PdshQuery.of(query);
        }
        if (runs < 1 || warmup < 0) {
            throw FloeException.invalidArgument("--runs must be at least 1 and --warmup at least 0");
        }
        return new Options(scaleFactor, data, runs, warmup, query, threads, answers, check, sequential);
    }

    /** The value of the option before {@code index}. */
    private static String value(String[] args, int index, String usage) {
        if (index >= args.length) {
            throw FloeException.invalidArgument("option " + args[index - 1] + " needs a value; " + usage);
        }
        return args[index];
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument(option + " needs a number, not '" + value + "'");
        }
    }

    /** Runs the command; returns the process exit code (0, or 1 when a result differs from its answer). */
    public static int run(String[] args, String name, PdshEngine.Opener opener, PrintStream out, PrintStream err) {
        Options options = parse(args, name);
        PdshAnswers answers = null;
        if (options.check() && options.answers() != null) {
            answers = PdshAnswers.fromDirectory(options.answers());
        } else if (options.check() && PdshAnswers.onClasspath(options.scaleFactor())) {
            answers = PdshAnswers.fromClasspath(options.scaleFactor());
        } else if (options.check()) {
            err.println("no answers for scale factor " + options.scaleFactor() + ": results are not checked");
        }
        List<Integer> queries = new ArrayList<>();
        for (PdshQuery query : PdshQuery.all()) {
            if (options.query() == 0 || options.query() == query.number()) {
                queries.add(query.number());
            }
        }
        int failures = 0;
        double total = 0;
        try (PdshEngine engine = opener.open(options.data(), options.scaleFactor(), options.threads())) {
            out.printf("%s sf %s, %d warmup, %d runs%n", name, options.scaleFactor(), options.warmup(),
                    options.runs());
            for (int query : queries) {
                QueryTiming timing = time(engine, query, options.warmup(), options.runs());
                total += timing.median();
                String verdict = "";
                if (answers != null) {
                    ResultComparison comparison = answers.compare(query, timing.result());
                    verdict = comparison.matches() ? "  ok" : "  DIFFERS";
                    if (!comparison.matches()) {
                        failures++;
                        err.println(comparison.report());
                    }
                }
                out.printf("q%02d  median %8.3f s  best %8.3f s%s%n", query, timing.median(), timing.best(),
                        verdict);
            }
            out.printf("total of medians %.3f s%n", total);
        }
        return failures == 0 ? 0 : 1;
    }

    /** Runs query {@code number} {@code warmup} times untimed, then {@code runs} times timed. */
    public static QueryTiming time(PdshEngine engine, int number, int warmup, int runs) {
        if (runs < 1 || warmup < 0) {
            throw FloeException.invalidArgument("runs must be at least 1 and warmup at least 0, not runs " + runs
                    + " and warmup " + warmup);
        }
        for (int i = 0; i < warmup; i++) {
            engine.run(number);
        }
        double[] seconds = new double[runs];
        ResultTable result = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            result = engine.run(number);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return new QueryTiming(number, seconds, result);
    }
}
