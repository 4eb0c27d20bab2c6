package dev.floe.bench.pdsh;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;

/**
 * DuckDB's side of the Parquet scan figure: reads the given columns of Parquet files with {@code threads} threads,
 * forcing every value to be decoded with a cheap {@code max()} per column (DuckDB cannot be asked to only decode).
 * With {@code -Dq6}, also PDS-H Q6's filtered scan ({@code max(l_extendedprice)} of the rows Q6 keeps).
 * Usage: {@code DuckDbScan GLOB [THREADS] [REPEATS]}.
 */
public final class DuckDbScan {
    private static final List<String> ALL = List.of("l_orderkey", "l_partkey", "l_suppkey", "l_linenumber",
            "l_quantity", "l_extendedprice", "l_discount", "l_tax", "l_returnflag", "l_linestatus", "l_shipdate",
            "l_commitdate", "l_receiptdate", "l_shipinstruct", "l_shipmode", "l_comment");
    private static final List<String> NUMERIC = List.of("l_orderkey", "l_quantity", "l_extendedprice", "l_shipdate");
    private static final String Q6_PREDICATE = " WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'"
            + " AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24";

    private DuckDbScan() {
    }

    public static void main(String[] args) throws SQLException {
        String glob = args[0];
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            for (int r = 0; r < repeats; r++) {
                report(statement, "all 16 columns", glob, ALL, threads, "");
                report(statement, "4 numeric/date columns", glob, NUMERIC, threads, "");
                if (System.getProperty("q6") != null) {
                    report(statement, "Q6 columns, Q6 predicate", glob, List.of("l_extendedprice"), threads,
                            Q6_PREDICATE);
                }
            }
        }
    }

    private static void report(Statement statement, String label, String glob, List<String> columns, int threads,
            String where) throws SQLException {
        StringJoiner select = new StringJoiner(", ", "SELECT count(*), ", " FROM read_parquet('" + glob + "')" + where);
        for (String column : columns) {
            select.add("max(" + column + ")");
        }
        long start = System.nanoTime();
        long rows;
        try (ResultSet result = statement.executeQuery(select.toString())) {
            result.next();
            rows = result.getLong(1);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("duckdb %-24s %,d rows in %.3f s = %,.1f M rows/s wall (%d threads)%n", label, rows, seconds,
                rows / seconds / 1e6, threads);
    }
}
