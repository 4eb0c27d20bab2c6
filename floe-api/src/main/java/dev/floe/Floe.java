package dev.floe;

import dev.floe.core.FloeException;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.plan.dsl.DslPlan;
import dev.floe.plan.function.AggregateFunction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The static entry points of the API, as Polars' top-level functions: {@code col}, {@code lit}, scans, ... */
public final class Floe {
    private Floe() {
    }

    /** {@code col("a")}. */
    public static Expr col(String name) {
        return new Expr(new dev.floe.plan.dsl.Expr.Column(name));
    }

    /** {@code col("a", "b")}: one expression per column; with one name, the same as {@link #col(String)}. */
    public static Expr col(String... names) {
        return names.length == 1 ? col(names[0]) : cols(names);
    }

    public static Expr cols(String... names) {
        return new Expr(new dev.floe.plan.dsl.Expr.Columns(List.of(names)));
    }

    /** Every column of the input. */
    public static Expr all() {
        return new Expr(new dev.floe.plan.dsl.Expr.All());
    }

    /**
     * A constant. Java integers and doubles are "dynamic" as in Polars: they take the type of the column they meet
     * ({@code col("a_i32").add(1)} stays Int32); alone, integers are Int32 (Int64 when too big) and doubles Float64.
     */
    public static Expr lit(Object value) {
        if (value instanceof Expr expr) {
            return expr;
        }
        return new Expr(new dev.floe.plan.dsl.Expr.Literal(value, null));
    }

    /** A constant of an explicit type. */
    public static Expr lit(Object value, dev.floe.core.types.DataType type) {
        return new Expr(new dev.floe.plan.dsl.Expr.Literal(value, type));
    }

    /** A Date literal. */
    public static Expr date(int year, int month, int day) {
        try {
            return lit(LocalDate.of(year, month, day));
        } catch (java.time.DateTimeException e) {
            throw FloeException.invalidArgument("invalid date " + year + "-" + month + "-" + day + ": "
                    + e.getMessage());
        }
    }

    /** The number of rows (of the group, in group_by), named {@code len}. */
    public static Expr len() {
        return new Expr(new dev.floe.plan.dsl.Expr.Aggregation(new AggregateFunction.Len(), null));
    }

    /** Starts {@code when(condition).then(value)...otherwise(value)}. */
    public static When when(Object condition) {
        return new When(List.of(), Expr.nodeOf(condition));
    }

    /** The rows of every frame in order; all frames need the same schema. */
    public static LazyFrame concat(LazyFrame... frames) {
        if (frames.length == 0) {
            throw FloeException.invalidArgument("concat needs at least one frame");
        }
        List<DslPlan> inputs = new ArrayList<>();
        for (LazyFrame frame : frames) {
            inputs.add(frame.plan());
        }
        return new LazyFrame(new DslPlan.Concat(inputs));
    }

    public static LazyFrame scanParquet(String path) {
        return scanParquet(path, ScanOptions.defaults());
    }

    public static LazyFrame scanParquet(String path, ScanOptions options) {
        return scan(FileFormat.PARQUET, path, options);
    }

    public static LazyFrame scanCsv(String path) {
        return scanCsv(path, ScanOptions.defaults());
    }

    public static LazyFrame scanCsv(String path, ScanOptions options) {
        return scan(FileFormat.CSV, path, options);
    }

    public static LazyFrame scanIpc(String path) {
        return scanIpc(path, ScanOptions.defaults());
    }

    public static LazyFrame scanIpc(String path, ScanOptions options) {
        return scan(FileFormat.IPC, path, options);
    }

    private static LazyFrame scan(FileFormat format, String path, ScanOptions options) {
        if (path == null || path.isBlank()) {
            throw FloeException.invalidArgument("a " + format + " scan needs a path, got '" + path + "'");
        }
        return new LazyFrame(new DslPlan.Scan(new ScanSource(format, List.of(path), options.asMap())));
    }

    static Expr[] columns(String... names) {
        Expr[] exprs = new Expr[names.length];
        for (int i = 0; i < names.length; i++) {
            exprs[i] = col(names[i]);
        }
        return exprs;
    }
}
