package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.vector.Batch;
import dev.floe.io.parquet.write.ParquetCompression;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.io.testing.Json;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB reads Parquet files written by Floe with the same values (the files follow the spec). */
class DuckDbReadsFloeParquetTest {
    private static final String QUERY = "SELECT row_id, i8, i16, i32, i64, u8, u16, u32, CAST(u64 AS VARCHAR) AS u64, "
            + "f32, f64, bool, str, str_rep, CAST(date AS VARCHAR) AS date, epoch_ms(dt_ms) AS dt_ms, "
            + "epoch_us(dt_us) AS dt_us, epoch_ns(dt_ns) AS dt_ns, epoch_us(dt_utc) AS dt_utc, "
            + "epoch_ms(dt_ams) AS dt_ams, dur_us, dec15_2, dec38_10, bin, cat "
            + "FROM read_parquet('%s') ORDER BY row_id";

    @ParameterizedTest
    @EnumSource(value = ParquetCompression.class)
    void duckDbReadsTheSameValues(ParquetCompression compression, @TempDir Path directory) throws Exception {
        check(ParquetWriteOptions.defaults().withCompression(compression).withRowGroupSize(600), directory);
    }

    @Test
    void duckDbReadsPlainAndDeltaEncodedPages(@TempDir Path directory) throws Exception {
        check(ParquetWriteOptions.defaults().withDictionary(false).withPageRows(300), directory);
    }

    @Test
    void duckDbReadsDataPagesV2(@TempDir Path directory) throws Exception {
        check(ParquetWriteOptions.defaults().withDataPageV2(true).withPageRows(300), directory);
    }

    private static void check(ParquetWriteOptions options, Path directory) throws Exception {
        Batch original = Fixtures.readAll("parquet/types/polars_zstd.parquet");
        Path file = directory.resolve("floe.parquet");
        ParquetWriter.write(file, original.schema(), List.of(original), options);
        List<Map<String, Object>> expected = Json.readLines(Fixtures.path("expected/types.ndjson"));
        List<String> problems = new ArrayList<>();
        int rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(QUERY.formatted(file))) {
            while (result.next()) {
                Map<String, Object> want = expected.get(rows);
                int columns = result.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    String name = result.getMetaData().getColumnLabel(c);
                    Object got = result.getObject(c);
                    Object wanted = want.get(name);
                    if (!same(name, got, wanted, result, c)) {
                        problems.add(name + " row " + rows + ": duckdb " + got + " expected " + wanted);
                    }
                }
                rows++;
            }
        }
        assertThat(rows).isEqualTo(2000);
        assertThat(problems).isEmpty();
    }

    private static boolean same(String name, Object got, Object wanted, ResultSet result, int column) throws Exception {
        if (got == null || wanted == null) {
            return got == null && wanted == null;
        }
        if (wanted instanceof Map<?, ?> datetime) {
            return new BigDecimal(got.toString()).compareTo(new BigDecimal((String) datetime.get("epoch"))) == 0;
        }
        String text = Json.text(wanted);
        return switch (name) {
            case "f32" -> Float.compare(((Number) got).floatValue(), Float.parseFloat(text)) == 0;
            case "f64" -> Double.compare(((Number) got).doubleValue(), Double.parseDouble(text)) == 0;
            case "bool", "str", "str_rep", "cat", "date", "u64" -> got.toString().equals(text);
            case "bin" -> java.util.Arrays.equals(result.getBytes(column), Base64.getDecoder().decode(text));
            default -> new BigDecimal(got.toString()).compareTo(new BigDecimal(text)) == 0;
        };
    }
}
