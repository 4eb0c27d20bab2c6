package dev.floe;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.QueryOutput;
import dev.floe.exec.scan.ScanPruningReport;
import dev.floe.io.TableOpener;
import dev.floe.io.FileFormat;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.explain.Explain;
import dev.floe.plan.logical.LogicalPlan;
import dev.floe.plan.optimizer.Optimizer;
import dev.floe.plan.optimizer.OptimizerOptions;
import dev.floe.plan.resolve.Resolver;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lazy query, as Polars' {@code LazyFrame}: every method records an operation (a {@link DslPlan}) and returns a
 * new frame; nothing runs until {@link #collect()} or a sink. Names are checked when the plan is resolved
 * ({@link #collectSchema()}, {@link #explain()}, {@link #collect()}).
 */
public final class LazyFrame {
    private final DslPlan plan;

    public LazyFrame(DslPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** The query as the user wrote it (what a client ships to a coordinator). */
    public DslPlan plan() {
        return plan;
    }

    /** The resolved, typed plan (names checked, types coerced), not optimized. */
    public LogicalPlan logicalPlan() {
        return Resolver.withReaders().resolve(plan);
    }

    /** The plan the engine runs: resolved then optimized. */
    public LogicalPlan optimizedPlan() {
        return new Optimizer().optimize(logicalPlan());
    }

    /** The resolved plan optimized with the given options (rules disabled by name, debug diffs). */
    public LogicalPlan optimizedPlan(OptimizerOptions options) {
        return new Optimizer(options).optimize(logicalPlan());
    }

    // ---- projections ----
    public LazyFrame select(Expr... exprs) {
        return new LazyFrame(new DslPlan.Select(plan, Expr.nodes(exprs)));
    }

    public LazyFrame select(String... columns) {
        return select(Floe.columns(columns));
    }

    public LazyFrame withColumns(Expr... exprs) {
        return new LazyFrame(new DslPlan.WithColumns(plan, Expr.nodes(exprs)));
    }

    public LazyFrame withColumn(Expr expr) {
        return withColumns(expr);
    }

    public LazyFrame filter(Expr predicate) {
        return new LazyFrame(new DslPlan.Filter(plan, Objects.requireNonNull(predicate, "predicate").node()));
    }

    // ---- grouping ----
    public GroupBy groupBy(Expr... keys) {
        return new GroupBy(this, Expr.nodes(keys), false);
    }

    public GroupBy groupBy(String... keys) {
        return groupBy(Floe.columns(keys));
    }

    /** {@code group_by(keys, maintain_order=True)}: groups in the order of their first row. */
    public GroupBy groupByStable(Expr... keys) {
        return new GroupBy(this, Expr.nodes(keys), true);
    }

    public GroupBy groupByStable(String... keys) {
        return groupByStable(Floe.columns(keys));
    }

    // ---- joins ----
    /** A join on columns with the same names on both sides. */
    public LazyFrame join(LazyFrame other, String on, JoinType how) {
        return join(other, List.of(on), how);
    }

    public LazyFrame join(LazyFrame other, List<String> on, JoinType how) {
        return join(other, on, how, "_right");
    }

    public LazyFrame join(LazyFrame other, List<String> on, JoinType how, String suffix) {
        List<Expr> keys = Arrays.asList(Floe.columns(on.toArray(String[]::new)));
        return join(other, keys, keys, how, suffix);
    }

    /** An inner join of {@code leftOn} with {@code rightOn} (Polars' default {@code how}). */
    public LazyFrame join(LazyFrame other, String leftOn, String rightOn) {
        return join(other, leftOn, rightOn, JoinType.INNER);
    }

    /** A join on several key columns, paired in order. */
    public LazyFrame join(LazyFrame other, List<String> leftOn, List<String> rightOn, JoinType how) {
        return join(other, Arrays.asList(Floe.columns(leftOn.toArray(String[]::new))),
                Arrays.asList(Floe.columns(rightOn.toArray(String[]::new))), how, "_right");
    }

    public LazyFrame join(LazyFrame other, String leftOn, String rightOn, JoinType how) {
        return join(other, List.of(Floe.col(leftOn)), List.of(Floe.col(rightOn)), how, "_right");
    }

    public LazyFrame join(LazyFrame other, Expr leftOn, Expr rightOn, JoinType how) {
        return join(other, List.of(leftOn), List.of(rightOn), how, "_right");
    }

    /** The general join; {@code suffix} renames right columns whose names are taken (Polars' default {@code _right}). */
    public LazyFrame join(LazyFrame other, List<Expr> leftOn, List<Expr> rightOn, JoinType how, String suffix) {
        return new LazyFrame(new DslPlan.Join(plan, other.plan, Expr.nodes(leftOn.toArray(Expr[]::new)),
                Expr.nodes(rightOn.toArray(Expr[]::new)), how.toPlan(), suffix));
    }

    /** Every pair of rows. */
    public LazyFrame crossJoin(LazyFrame other) {
        return join(other, List.of(), List.of(), JoinType.CROSS, "_right");
    }

    // ---- ordering and slicing ----
    public LazyFrame sort(String... by) {
        return sort(Floe.columns(by));
    }

    public LazyFrame sort(Expr... by) {
        return sort(List.of(by), SortOptions.defaults());
    }

    public LazyFrame sort(String by, boolean descending) {
        return sort(List.of(Floe.col(by)), SortOptions.defaults().withDescending(descending));
    }

    /** Sorts by columns, each with its own direction ({@code descending.get(i)} for {@code by.get(i)}). */
    public LazyFrame sort(List<String> by, List<Boolean> descending) {
        boolean[] flags = new boolean[descending.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = descending.get(i);
        }
        return sort(Arrays.asList(Floe.columns(by.toArray(String[]::new))), flags, false);
    }

    /** {@code descending} and {@code nullsLast} give one flag per key, or one flag for every key. */
    public LazyFrame sort(List<Expr> by, boolean[] descending, boolean nullsLast) {
        return sort(by, SortOptions.defaults().withDescending(descending).withNullsLast(nullsLast));
    }

    public LazyFrame sort(List<Expr> by, SortOptions options) {
        if (by.isEmpty()) {
            throw FloeException.invalidArgument("sort needs at least one key");
        }
        return new LazyFrame(new DslPlan.Sort(plan, Expr.nodes(by.toArray(Expr[]::new)),
                perKey(options.descending(), by.size(), "descending"),
                perKey(options.nullsLast(), by.size(), "nulls_last"), options.maintainOrder()));
    }

    private static List<Boolean> perKey(List<Boolean> flags, int keys, String what) {
        if (flags.size() == keys) {
            return flags;
        }
        if (flags.size() == 1) {
            return Collections.nCopies(keys, flags.getFirst());
        }
        throw FloeException.invalidArgument("sort has " + keys + " keys but " + flags.size() + " " + what
                + " flags; give one flag or one per key");
    }

    public LazyFrame head(long n) {
        return slice(0, n);
    }

    public LazyFrame limit(long n) {
        return head(n);
    }

    /** Rows {@code [offset, offset + length)}; a negative offset counts from the end. */
    public LazyFrame slice(long offset, long length) {
        if (length < 0) {
            throw FloeException.invalidArgument("slice length must be >= 0, got " + length);
        }
        return new LazyFrame(new DslPlan.Slice(plan, offset, length));
    }

    public LazyFrame tail(long n) {
        if (n < 0) {
            throw FloeException.invalidArgument("tail needs n >= 0, got " + n);
        }
        return slice(-n, n);
    }

    // ---- rows and columns ----
    /** Distinct rows over all columns, keeping any one of each set of duplicates. */
    public LazyFrame unique() {
        return unique(null, UniqueKeep.ANY, false);
    }

    public LazyFrame unique(List<String> subset, UniqueKeep keep) {
        return unique(subset, keep, false);
    }

    /** {@code subset} {@code null} means all columns. */
    public LazyFrame unique(List<String> subset, UniqueKeep keep, boolean maintainOrder) {
        return new LazyFrame(new DslPlan.Unique(plan, subset, keep.toPlan(), maintainOrder));
    }

    public LazyFrame rename(Map<String, String> mapping) {
        return new LazyFrame(new DslPlan.Rename(plan, mapping));
    }

    public LazyFrame drop(String... columns) {
        return new LazyFrame(new DslPlan.Drop(plan, List.of(columns)));
    }

    public LazyFrame withRowIndex() {
        return withRowIndex("index", 0);
    }

    public LazyFrame withRowIndex(String name, long offset) {
        return new LazyFrame(new DslPlan.WithRowIndex(plan, name, offset));
    }

    // ---- remote execution ----
    /** This query bound to a compute context: {@code lf.remote(ctx).execute()} runs it distributed on its cluster. */
    public RemoteQuery remote(ComputeContext context) {
        return new RemoteQuery(this, context);
    }

    // ---- results ----
    /** The optimized plan as text. */
    public String explain() {
        return explain(true);
    }

    /**
     * The optimized ({@code true}) or the resolved plan as text; under each scan of the optimized plan, the
     * files and Parquet row groups it reads after pruning, of the total.
     */
    /** The plan optimized with {@code options} (for example with rules disabled by name), as text. */
    public String explain(OptimizerOptions options) {
        return Explain.explain(optimizedPlan(options), new ScanPruningReport(TableOpener.FILES));
    }

    public String explain(boolean optimized) {
        return optimized ? Explain.explain(optimizedPlan(), new ScanPruningReport(TableOpener.FILES))
                : Explain.explain(logicalPlan());
    }

    public Schema collectSchema() {
        return logicalPlan().schema();
    }

    public DataFrame collect() {
        return collect(ExecutionOptions.defaults());
    }

    public DataFrame collect(ExecutionOptions options) {
        return run(optimizedPlan(), options);
    }

    /** Runs without the optimizer: the resolved plan as written (answers must not change). */
    public DataFrame collectUnoptimized(ExecutionOptions options) {
        return run(logicalPlan(), options);
    }

    private static DataFrame run(LogicalPlan plan, ExecutionOptions options) {
        QueryOutput output = Execution.run(plan, options);
        return DataFrame.fromBatches(output.schema(), output.batches());
    }

    public void sinkParquet(String path) {
        sinkParquet(path, Map.of());
    }

    public void sinkParquet(String path, Map<String, String> options) {
        sink(FileFormat.PARQUET, path, options);
    }

    public void sinkCsv(String path) {
        sinkCsv(path, Map.of());
    }

    public void sinkCsv(String path, Map<String, String> options) {
        sink(FileFormat.CSV, path, options);
    }

    public void sinkIpc(String path) {
        sinkIpc(path, Map.of());
    }

    public void sinkIpc(String path, Map<String, String> options) {
        sink(FileFormat.IPC, path, options);
    }

    /** The plan with a sink root (what the sink methods run). */
    public LazyFrame sinkPlan(FileFormat format, String path, Map<String, String> options) {
        return new LazyFrame(new DslPlan.Sink(plan, format, path, options));
    }

    private void sink(FileFormat format, String path, Map<String, String> options) {
        if (path == null || path.isBlank()) {
            throw FloeException.invalidArgument("a sink needs a path, got '" + path + "'");
        }
        Execution.run(sinkPlan(format, path, options).optimizedPlan(), ExecutionOptions.defaults());
    }

    @Override
    public String toString() {
        return "LazyFrame(" + plan.getClass().getSimpleName() + ")";
    }
}
