package dev.floe.cli.pdsh;

import dev.floe.ComputeContext;
import dev.floe.DataFrame;
import dev.floe.LazyFrame;
import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.ShuffleCompression;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.exec.ExecutionOptions;
import dev.floe.pdsh.PdshAnswers;
import dev.floe.pdsh.PdshQuery;
import dev.floe.pdsh.PdshTables;
import dev.floe.pdsh.ResultComparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code floe pdsh run --query N|all --sf SF --data DIR --out FILE --runs R --warmup W [--threads T]
 * [--distributed [--workers K | --cluster HOST:PORT] [--shuffle-compression C]]}: times PDS-H queries and prints
 * {@code PDSH_TIMING} and {@code PDSH_RESULT} lines, the contract other harnesses parse.
 */
@Command(name = "run", description = {
        "Run a PDS-H query W times untimed, then R times timed (Parquet files to an in-memory result).",
        "Prints 'PDSH_TIMING engine=floe query=N run=i seconds=S' per timed run, then",
        "'PDSH_RESULT engine=floe query=N rows=n cols=c', and writes the result as CSV to --out.",
        "--query all runs the 22 queries in one process and prints a table (--out is then a directory)."})
final class PdshRunCommand implements Callable<Integer> {
    @Option(names = "--query", required = true, paramLabel = "N|all", description = "The query number, 1 to 22, or all.")
    String query;

    @Mixin
    PdshDataOptions data = new PdshDataOptions();

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the result as CSV; with --query all, a directory for qNN.csv files.")
    Path out;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "R", description = "Timed runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "1", paramLabel = "W",
            description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Option(names = "--shuffle-compression", paramLabel = "auto|lz4|zstd|none",
            description = "With --distributed: how shuffle files are compressed (default auto: lz4 when they leave"
                    + " their host, plain when every worker reads them in place).")
    String shuffleCompression;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw FloeException.invalidArgument("--runs must be at least 1, not " + runs);
        }
        if (warmup < 0) {
            throw FloeException.invalidArgument("--warmup must be at least 0, not " + warmup);
        }
        if (threads != null && threads < 1) {
            throw FloeException.invalidArgument("--threads must be at least 1, not " + threads);
        }
        ExecutionOptions options = threads == null ? ExecutionOptions.defaults()
                : ExecutionOptions.defaults().withThreads(threads);
        clusterOptions.check();
        if (shuffleCompression != null && !clusterOptions.distributed) {
            throw FloeException.invalidArgument("--shuffle-compression goes with --distributed");
        }
        DistributedOptions distributedOptions = shuffleCompression == null ? DistributedOptions.defaults()
                : DistributedOptions.defaults().withShuffleCompression(ShuffleCompression.parse(shuffleCompression));
        boolean all = query.equalsIgnoreCase("all");
        int number = all ? 0 : queryNumber(query);
        if (!all && out == null) {
            throw FloeException.invalidArgument("--out FILE is required: where to write the result of query "
                    + number + " as CSV");
        }
        PdshTables tables = data.tables();
        try (ComputeContext context = clusterOptions.open(threads)) {
            Function<LazyFrame, DataFrame> engine = ClusterOptions.engine(context, options, distributedOptions);
            if (all) {
                return runAll(tables, engine);
            }
            QueryRunner.Timed timed = runOne(number, tables, engine);
            createParent(out);
            timed.result().writeCsv(out);
            return 0;
        }
    }

    private QueryRunner.Timed runOne(int number, PdshTables tables, Function<LazyFrame, DataFrame> engine) {
        PrintWriter printer = spec.commandLine().getOut();
        QueryRunner.Timed timed = QueryRunner.run(number, tables, engine, warmup, runs, (run, seconds) -> {
            printer.printf(Locale.ROOT, "PDSH_TIMING engine=floe query=%d run=%d seconds=%.6f%n", number, run, seconds);
            printer.flush();
        });
        printer.printf(Locale.ROOT, "PDSH_RESULT engine=floe query=%d rows=%d cols=%d%n", number,
                timed.result().rowCount(), timed.result().columns().size());
        printer.flush();
        return timed;
    }

    private int runAll(PdshTables tables, Function<LazyFrame, DataFrame> engine) {
        PrintWriter printer = spec.commandLine().getOut();
        PdshAnswers answers = PdshAnswers.onClasspath(data.scaleFactor)
                ? PdshAnswers.fromClasspath(data.scaleFactor) : null;
        if (out != null) {
            createDirectory(out);
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-5s %10s %10s  %s%n", "query", "best s", "median s", "answer"));
        double totalBest = 0;
        double totalMedian = 0;
        int differing = 0;
        for (PdshQuery query : PdshQuery.all()) {
            QueryRunner.Timed timed = runOne(query.number(), tables, engine);
            if (out != null) {
                timed.result().writeCsv(out.resolve(query.answerFileName()));
            }
            String verdict = "no answers for this SF";
            if (answers != null) {
                ResultComparison comparison = answers.compare(query.number(), timed.result());
                verdict = comparison.matches() ? "matches" : "DIFFERS";
                if (!comparison.matches()) {
                    differing++;
                    spec.commandLine().getErr().println(comparison.report());
                }
            }
            totalBest += timed.best();
            totalMedian += timed.median();
            table.append(String.format(Locale.ROOT, "q%02d   %10.3f %10.3f  %s%n", query.number(), timed.best(),
                    timed.median(), verdict));
        }
        table.append(String.format(Locale.ROOT, "total %10.3f %10.3f%n", totalBest, totalMedian));
        printer.print(table);
        printer.flush();
        if (differing > 0) {
            spec.commandLine().getErr().println("floe: " + differing + " of 22 results differ from the answers");
            return 1;
        }
        return 0;
    }

    static int queryNumber(String text) {
        int number;
        try {
            number = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw FloeException.invalidArgument("--query must be a number from 1 to 22 or 'all', not '" + text + "'");
        }
        return PdshQuery.of(number).number();
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createDirectory(parent);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot create " + directory + ": " + e.getMessage(), e);
        }
    }
}
