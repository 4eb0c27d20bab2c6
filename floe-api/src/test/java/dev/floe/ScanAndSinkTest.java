package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans and sinks through the real file formats. */
class ScanAndSinkTest {
    private static final DataFrame TABLE = DataFrame.builder().column("id", List.of(1L, 2L, 3L))
            .column("name", List.of("a", "b", "c")).build();

    @TempDir
    Path directory;

    @Test
    void scansResolveTheirSchemaFromTheFile() {
        Path file = directory.resolve("table.arrow");
        IpcWriter.write(List.of(TABLE.toBatch()), TABLE.schema(), file, IpcCompression.LZ4);
        LazyFrame scan = Floe.scanIpc(file.toString());
        assertThat(scan.collectSchema()).isEqualTo(TABLE.schema());
        DataFrame result = scan.filter(col("id").ge(2)).select("name").collect();
        assertThat(result.column("name").toList()).containsExactly("b", "c");
        assertThat(scan.explain()).startsWith("IPC SCAN [\"" + file + "\"]");
    }

    @Test
    void sinksWriteTheQueryRowsWithTheirOptions() {
        for (String format : List.of("parquet", "csv", "arrow")) {
            String path = directory.resolve("out." + format).toString();
            LazyFrame query = TABLE.lazy().filter(col("id").ne(2));
            LazyFrame readBack = switch (format) {
                case "parquet" -> {
                    query.sinkParquet(path, Map.of("compression", "snappy"));
                    yield Floe.scanParquet(path);
                }
                case "csv" -> {
                    query.sinkCsv(path, Map.of("separator", ";"));
                    yield Floe.scanCsv(path, ScanOptions.defaults().separator(';'));
                }
                default -> {
                    query.sinkIpc(path, Map.of("compression", "lz4"));
                    yield Floe.scanIpc(path);
                }
            };
            DataFrame.assertEquals(DataFrame.builder().column("id", List.of(1L, 3L)).column("name", List.of("a", "c"))
                    .build(), readBack.collect());
        }
    }

    @Test
    void badSinkOptionsNameTheValidOnes() {
        assertThatThrownBy(() -> TABLE.lazy().sinkParquet(directory.resolve("x.parquet").toString(),
                Map.of("compresion", "zstd")))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("compresion").hasMessageContaining("compression");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> Floe.scanParquet(directory.resolve("none.parquet").toString()).collect())
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("none.parquet");
    }

    @Test
    void explainTellsWhatTheScanReadsAfterPruning() {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            ids.add(i);
        }
        String path = directory.resolve("sorted.parquet").toString();
        DataFrame.builder().column("id", ids).build().lazy().sinkParquet(path, Map.of("row_group_size", "1000"));
        String plan = Floe.scanParquet(path).filter(col("id").ge(9_500L)).explain();
        assertThat(plan).contains("SELECTION: ").contains("READS: 1/1 FILES, 1/10 ROW GROUPS");
        assertThat(Floe.scanParquet(path).filter(col("id").ge(9_500L)).collect().height()).isEqualTo(500);
    }

    @Test
    void parquetSinksWriteHivePartitionsAndPartFiles() throws java.io.IOException {
        DataFrame sales = DataFrame.builder()
                .column("region", java.util.Arrays.asList("north", "south", "north", null, "a/b"))
                .column("units", List.of(1L, 2L, 3L, 4L, 5L)).build();
        Path partitioned = directory.resolve("by_region");
        sales.lazy().sinkParquet(partitioned.toString(), Map.of("partition_by", "region"));
        assertThat(partitioned.resolve("region=north")).isDirectory();
        assertThat(partitioned.resolve("region=a%2Fb")).isDirectory();
        assertThat(partitioned.resolve("region=__HIVE_DEFAULT_PARTITION__")).isDirectory();
        DataFrame readBack = Floe.scanParquet(partitioned.toString()).select(col("region"), col("units"))
                .sort("units").collect();
        DataFrame.assertEquals(sales, readBack);

        Path parts = directory.resolve("parts");
        sales.lazy().sinkParquet(parts.toString(), Map.of("files", "3"));
        try (var listing = java.nio.file.Files.list(parts)) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("part-00000.parquet", "part-00001.parquet", "part-00002.parquet");
        }
        DataFrame.assertEquals(sales, Floe.scanParquet(parts.toString()).collect());
    }
}
