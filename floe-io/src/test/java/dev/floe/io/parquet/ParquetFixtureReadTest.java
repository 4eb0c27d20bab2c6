package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;
import dev.floe.core.vector.Batch;
import dev.floe.io.testing.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every third-party fixture reads back with exactly the expected values. */
class ParquetFixtureReadTest {
    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("parquet/types/duckdb_brotli.parquet", "types"),
                Arguments.of("parquet/types/duckdb_gzip.parquet", "types"),
                Arguments.of("parquet/types/duckdb_lz4.parquet", "types"),
                Arguments.of("parquet/types/duckdb_snappy.parquet", "types"),
                Arguments.of("parquet/types/duckdb_snappy_rg300.parquet", "types"),
                Arguments.of("parquet/types/duckdb_uncompressed.parquet", "types"),
                Arguments.of("parquet/types/duckdb_zstd.parquet", "types"),
                Arguments.of("parquet/types/duckdb_zstd_v2.parquet", "types"),
                Arguments.of("parquet/types/polars_brotli.parquet", "types"),
                Arguments.of("parquet/types/polars_gzip.parquet", "types"),
                Arguments.of("parquet/types/polars_lz4.parquet", "types"),
                Arguments.of("parquet/types/polars_snappy.parquet", "types"),
                Arguments.of("parquet/types/polars_uncompressed.parquet", "types"),
                Arguments.of("parquet/types/polars_zstd.parquet", "types"),
                Arguments.of("parquet/types/polars_zstd_rg300.parquet", "types"),
                Arguments.of("parquet/nested/duckdb_snappy.parquet", "nested"),
                Arguments.of("parquet/nested/duckdb_zstd_v2.parquet", "nested"),
                Arguments.of("parquet/nested/polars_uncompressed.parquet", "nested"),
                Arguments.of("parquet/nested/polars_zstd.parquet", "nested"),
                Arguments.of("parquet/edge/all_null_int64_polars.parquet", "edge_all_null"),
                Arguments.of("parquet/edge/all_null_nulltype_polars.parquet", "edge_all_null_nulltype"),
                Arguments.of("parquet/edge/all_null_varchar_duckdb.parquet", "edge_all_null_varchar"),
                Arguments.of("parquet/edge/empty_duckdb.parquet", "edge_empty"),
                Arguments.of("parquet/edge/empty_polars.parquet", "edge_empty"),
                Arguments.of("parquet/edge/many_row_groups_duckdb.parquet", "edge_many_row_groups"),
                Arguments.of("parquet/edge/many_row_groups_polars.parquet", "edge_many_row_groups"),
                Arguments.of("parquet/edge/one_row_polars.parquet", "edge_one_row"),
                Arguments.of("parquet/edge/sorted_100k_rg10k_duckdb.parquet", "edge_sorted_100k"),
                Arguments.of("parquet/edge/sorted_100k_rg10k_polars.parquet", "edge_sorted_100k"),
                Arguments.of("parquet/edge/wide_300cols_polars.parquet", "edge_wide"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsExpectedValues(String file, String table) throws IOException {
        Batch batch = Fixtures.readAll(file);
        List<Map<String, Object>> expected = Json.readLines(Fixtures.path("expected/" + table + ".ndjson"));
        assertThat(ExpectedValues.mismatches(batch, expected)).isEmpty();
    }

    @Test
    void polarsTypesCarryTheirLogicalTypes() {
        ParquetMetadata metadata = ParquetMetadata.read(Fixtures.path("parquet/types/polars_zstd.parquet").toString());
        assertThat(metadata.schema().field("dt_ams").type())
                .isEqualTo(DataType.datetime(TimeUnit.MILLISECONDS, "Europe/Amsterdam"));
        assertThat(metadata.schema().field("dt_utc").type()).isEqualTo(DataType.datetime(TimeUnit.MICROSECONDS, "UTC"));
        assertThat(metadata.schema().field("dt_ns").type()).isEqualTo(DataType.datetime(TimeUnit.NANOSECONDS));
        assertThat(metadata.schema().field("dur_us").type()).isEqualTo(DataType.duration(TimeUnit.MICROSECONDS));
        assertThat(metadata.schema().field("dec15_2").type()).isEqualTo(DataType.decimal(15, 2));
        assertThat(metadata.schema().field("dec38_10").type()).isEqualTo(DataType.decimal(38, 10));
        assertThat(metadata.schema().field("u64").type()).isEqualTo(DataType.UINT64);
        assertThat(metadata.schema().field("cat").type()).isEqualTo(DataType.STRING);
        assertThat(metadata.schema().field("time").type()).isEqualTo(DataType.TIME);
        assertThat(metadata.rowCount()).isEqualTo(2000);
        assertThat(metadata.codecs()).containsExactly("ZSTD");
    }
}
