package dev.floe.bench.pdsh;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.pdsh.PdshGenerator;
import dev.floe.pdsh.ResultTable;
import dev.floe.pdsh.TpchTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Runs the 22 PDS-H queries on DuckDB over a generated data set ({@code DIR/sf<SF>/<table>/*.parquet}, or
 * {@code *.csv} when a table has no Parquet files), the peer Floe is measured against.
 */
public final class DuckDbPdsh implements PdshEngine {
    private final Connection connection;

    private DuckDbPdsh(Connection connection) {
        this.connection = connection;
    }

    /** Opens an in-memory DuckDB with one view per TPC-H table over {@code root/sf<SF>}; threads 0 means all. */
    public static DuckDbPdsh open(Path root, double scaleFactor, int threads) {
        Path directory = PdshGenerator.scaleFactorDirectory(root, scaleFactor);
        if (!Files.isDirectory(directory)) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no PDS-H data at " + directory
                    + "; generate it first with PdshGenerateCommand --sf " + scaleFactor + " --data " + root);
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            DuckDbPdsh engine = new DuckDbPdsh(connection);
            try (Statement statement = connection.createStatement()) {
                if (threads > 0) {
                    statement.execute("SET threads = " + threads);
                }
                for (TpchTable table : TpchTable.values()) {
                    statement.execute(viewSql(directory, table));
                }
            } catch (SQLException | RuntimeException e) {
                engine.close();
                throw e;
            }
            return engine;
        } catch (SQLException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "DuckDB cannot open the data at " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** The CREATE VIEW statement of one table: Parquet files when there are any, else CSV with PDS-H's types. */
    static String viewSql(Path directory, TpchTable table) {
        Path tableDirectory = directory.resolve(table.tableName());
        String glob = quote(tableDirectory.toAbsolutePath() + "/*");
        String source;
        if (hasFiles(tableDirectory, ".parquet")) {
            source = "read_parquet(" + quote(tableDirectory.toAbsolutePath() + "/*.parquet") + ")";
        } else if (hasFiles(tableDirectory, ".csv")) {
            StringJoiner columns = new StringJoiner(", ", "{", "}");
            for (Field field : table.schema().fields()) {
                columns.add(quote(field.name()) + ": " + quote(sqlType(field.type())));
            }
            source = "read_csv(" + quote(tableDirectory.toAbsolutePath() + "/*.csv")
                    + ", header = true, delim = ',', quote = '\"', escape = '\"', columns = " + columns + ")";
        } else {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no .parquet or .csv files match " + glob);
        }
        return "CREATE OR REPLACE VIEW " + table.tableName() + " AS SELECT * FROM " + source;
    }

    private static boolean hasFiles(Path directory, String extension) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (var files = Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(extension));
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String sqlType(DataType type) {
        return switch (type) {
            case DataType.Int64Type _ -> "BIGINT";
            case DataType.Float64Type _ -> "DOUBLE";
            case DataType.DateType _ -> "DATE";
            case DataType.StringType _ -> "VARCHAR";
            case DataType.BooleanType _, DataType.Int8Type _, DataType.Int16Type _, DataType.Int32Type _,
                    DataType.UInt8Type _, DataType.UInt16Type _, DataType.UInt32Type _, DataType.UInt64Type _,
                    DataType.Float32Type _, DataType.BinaryType _, DataType.TimeType _, DataType.NullType _,
                    DataType.DatetimeType _, DataType.DurationType _, DataType.DecimalType _,
                    DataType.ListType _, DataType.StructType _ ->
                    throw FloeException.internal("PDS-H tables have no column of type " + type);
        };
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public ResultTable run(int number) {
        String sql = DuckDbQueries.sql(number);
        try (Statement statement = connection.createStatement(); ResultSet results = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = results.getMetaData();
            List<String> columns = new ArrayList<>(metadata.getColumnCount());
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                columns.add(metadata.getColumnLabel(column));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (results.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int column = 1; column <= columns.size(); column++) {
                    row.add(toJava(results.getObject(column)));
                }
                rows.add(row);
            }
            return new ResultTable(columns, rows);
        } catch (SQLException e) {
            throw new FloeException(ErrorCode.COMPUTE_ERROR, "DuckDB failed on PDS-H query " + number + ": "
                    + e.getMessage(), e);
        }
    }

    /** The value types PdshAnswers compares: String, Long, Double, LocalDate or null. */
    private static Object toJava(Object value) {
        return switch (value) {
            case null -> null;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case BigInteger number -> number.longValueExact();
            case BigDecimal number -> number.doubleValue();
            case Float number -> number.doubleValue();
            case java.sql.Date date -> date.toLocalDate();
            case java.sql.Timestamp timestamp -> timestamp.toLocalDateTime().toLocalDate();
            case LocalDate date -> date;
            default -> value;
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot close DuckDB: " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) {
        try {
            System.exit(PdshRunnerCommand.run(args, "DuckDbPdsh", DuckDbPdsh::open, System.out, System.err));
        } catch (FloeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
