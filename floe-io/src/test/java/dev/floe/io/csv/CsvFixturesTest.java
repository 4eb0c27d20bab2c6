package dev.floe.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.types.TimeUnit;
import dev.floe.core.vector.Batch;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.testing.ExpectedRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvFixturesTest {
    static final String TYPES = "row_id:Int64,i8:Int8,i16:Int16,i32:Int32,i64:Int64,u8:UInt8,u16:UInt16,u32:UInt32,"
            + "u64:UInt64,f32:Float32,f64:Float64,bool:Boolean,str:String,str_rep:String,date:Date,dt_ms:Datetime(ms),"
            + "dt_us:Datetime(us),dt_ns:Datetime(ns),dt_utc:Datetime(us, UTC),dt_ams:Datetime(ms, Europe/Amsterdam),"
            + "time:Time,dec15_2:Decimal(15, 2),dec38_10:Decimal(38, 10),cat:String";

    static List<Batch> readAll(TableSource source, ScanRequest request) {
        List<Batch> batches = new ArrayList<>();
        for (ScanTask task : source.plan(request)) {
            try (BatchReader reader = source.open(task, request)) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    batches.add(batch);
                }
            }
        }
        return batches;
    }

    static TableSource open(String fixture, Map<String, String> options) {
        return CsvTableSource.open(new ScanSource(FileFormat.CSV, List.of(ExpectedRows.fixture(fixture).toString()),
                options));
    }

    /** The first {@code rows} expected rows of the types table, without the columns CSV cannot hold. */
    static List<Map<String, Object>> expectedTypes(int rows) {
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Map<String, Object> row : ExpectedRows.load("types").subList(0, rows)) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.remove("dur_us");
            copy.remove("bin");
            expected.add(copy);
        }
        return expected;
    }

    @ParameterizedTest
    @CsvSource({"duckdb_comma.csv,,2000", "duckdb_crlf.csv,,300", "duckdb_no_trailing_newline.csv,,300",
        "duckdb_semicolon.csv,;,300", "polars_bom.csv,,300", "polars_comma.csv,,2000", "polars_crlf.csv,,300",
        "polars_no_trailing_newline.csv,,300", "polars_quote_non_numeric.csv,,300", "polars_semicolon.csv,;,300"})
    void typedFixturesReadAsExpected(String file, String separator, int rows) {
        Map<String, String> options = new HashMap<>();
        options.put("schema_overrides", TYPES);
        if (separator != null) {
            options.put("separator", separator);
        }
        TableSource source = open("csv/" + file, options);
        assertThat(source.schema().size()).isEqualTo(24);
        assertThat(source.schema().field("dt_ams").type())
                .isEqualTo(DataType.datetime(TimeUnit.MILLISECONDS, "Europe/Amsterdam"));
        ExpectedRows.assertMatches(readAll(source, ScanRequest.all()), expectedTypes(rows), file);
    }

    @Test
    void fileWithoutHeaderHasNumberedColumns() {
        List<String> names = List.of(TYPES.replaceAll(":(Datetime|Decimal)\\([^)]*\\)", ":X").split(","))
                .stream().map(entry -> entry.substring(0, entry.indexOf(':'))).toList();
        StringBuilder overrides = new StringBuilder();
        String[] types = TYPES.split(",(?![^(]*\\))");
        for (int i = 0; i < types.length; i++) {
            overrides.append(i == 0 ? "" : ",").append("column_").append(i + 1)
                    .append(types[i].substring(types[i].indexOf(':')));
        }
        TableSource source = open("csv/polars_no_header.csv", Map.of("has_header", "false",
                "schema_overrides", overrides.toString()));
        assertThat(source.schema().names().getFirst()).isEqualTo("column_1");
        List<Batch> batches = new ArrayList<>();
        for (Batch batch : readAll(source, ScanRequest.all())) {
            List<Field> renamed = new ArrayList<>();
            for (int i = 0; i < batch.columnCount(); i++) {
                renamed.add(batch.schema().field(i).withName(names.get(i)));
            }
            batches.add(batch.withSchema(new Schema(renamed)));
        }
        ExpectedRows.assertMatches(batches, expectedTypes(300), "polars_no_header.csv");
    }

    @Test
    void inferenceGivesPolarsTypes() {
        Schema inferred = open("csv/polars_comma.csv", Map.of()).schema();
        assertThat(inferred.field("row_id").type()).isEqualTo(DataType.INT64);
        assertThat(inferred.field("i8").type()).isEqualTo(DataType.INT64);
        assertThat(inferred.field("f32").type()).isEqualTo(DataType.FLOAT64);
        assertThat(inferred.field("bool").type()).isEqualTo(DataType.BOOLEAN);
        assertThat(inferred.field("str").type()).isEqualTo(DataType.STRING);
        assertThat(inferred.field("date").type()).isEqualTo(DataType.STRING);
        Schema withDates = open("csv/polars_comma.csv", Map.of("try_parse_dates", "true")).schema();
        assertThat(withDates.field("date").type()).isEqualTo(DataType.DATE);
        assertThat(withDates.field("dt_us").type()).isEqualTo(DataType.datetime(TimeUnit.MICROSECONDS));
        assertThat(withDates.field("dt_ns").type()).isEqualTo(DataType.datetime(TimeUnit.NANOSECONDS));
        assertThat(withDates.field("dt_utc").type()).isEqualTo(DataType.datetime(TimeUnit.MICROSECONDS, "UTC"));
        Schema allStrings = open("csv/polars_comma.csv", Map.of("infer_schema_length", "0")).schema();
        assertThat(allStrings.types()).containsOnly(DataType.STRING);
    }

    @Test
    void inferredFileReadsAllRows() {
        TableSource source = open("csv/polars_comma.csv", Map.of("try_parse_dates", "true"));
        List<Batch> batches = readAll(source, ScanRequest.all());
        assertThat(batches.stream().mapToInt(Batch::rowCount).sum()).isEqualTo(2000);
        List<Map<String, Object>> expected = ExpectedRows.load("types");
        for (Batch batch : batches) {
            for (int r = 0; r < batch.rowCount(); r++) {
                long rowId = (Long) batch.column("row_id").getObject(r);
                Object str = expected.get((int) rowId).get("str");
                assertThat(batch.column("str").getObject(r)).isEqualTo(str);
            }
        }
    }

    @Test
    void raggedRowsAreCleanErrors() {
        assertThatThrownBy(() -> readAll(open("csv/malformed_ragged.csv", Map.of()), ScanRequest.all()))
                .isInstanceOfSatisfying(FloeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
                    assertThat(e.getMessage()).contains("malformed_ragged.csv").contains("line 4")
                            .contains("expected 4 fields but found 3");
                });
    }

    @Test
    void unclosedQuoteIsACleanError() {
        assertThatThrownBy(() -> readAll(open("csv/malformed_unclosed_quote.csv", Map.of()), ScanRequest.all()))
                .isInstanceOfSatisfying(FloeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
                    assertThat(e.getMessage()).contains("malformed_unclosed_quote.csv").contains("line 3")
                            .contains("unclosed quote");
                });
    }

    @Test
    void badValueNamesFileLineColumnValueAndType() {
        TableSource source = open("csv/polars_comma.csv", Map.of("schema_overrides", "str_rep:Int64"));
        assertThatThrownBy(() -> readAll(source, ScanRequest.all()))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.getMessage())
                        .contains("polars_comma.csv").contains("line 3").contains("'str_rep'")
                        .contains("'beta'").contains("Int64"));
    }
}
