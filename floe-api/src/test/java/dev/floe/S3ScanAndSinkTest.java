package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.S3MockServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sinks to and scans from {@code s3://} locations on a real S3 server, through the public API. */
class S3ScanAndSinkTest {
    private static S3MockServer server;
    private static String bucket;
    private static DataFrame table;

    @BeforeAll
    static void startServer() {
        server = S3MockServer.get();
        bucket = server.createBucket("floe-api-test");
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (long i = 0; i < 30_000; i++) {
            ids.add(i);
            names.add("n" + (i % 13));
        }
        table = DataFrame.builder().column("id", ids).column("name", names).build();
    }

    private static ScanOptions scanOptions() {
        ScanOptions options = ScanOptions.defaults();
        for (Map.Entry<String, String> option : server.options().entrySet()) {
            options = options.with(option.getKey(), option.getValue());
        }
        return options;
    }

    private static Map<String, String> sinkOptions(Map<String, String> format) {
        Map<String, String> options = new HashMap<>(server.options());
        options.putAll(format);
        return options;
    }

    @Test
    void everyFormatRoundTripsThroughS3() {
        LazyFrame query = table.lazy().filter(col("id").ge(100));
        DataFrame expected = query.collect();
        for (String format : List.of("parquet", "csv", "arrow")) {
            String location = "s3://" + bucket + "/round-trip/out." + format;
            LazyFrame readBack = switch (format) {
                case "parquet" -> {
                    query.sinkParquet(location, sinkOptions(Map.of("compression", "zstd", "row_group_size", "5000")));
                    yield Floe.scanParquet(location, scanOptions());
                }
                case "csv" -> {
                    query.sinkCsv(location, sinkOptions(Map.of("separator", ";")));
                    yield Floe.scanCsv(location, scanOptions().separator(';'));
                }
                default -> {
                    query.sinkIpc(location, sinkOptions(Map.of("compression", "lz4")));
                    yield Floe.scanIpc(location, scanOptions());
                }
            };
            DataFrame.assertEquals(expected, readBack.collect());
        }
    }

    @Test
    void aQueryFailingWhileItsSinkWritesLeavesNoObject() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            texts.add(i == 29_999 ? "not a number" : Integer.toString(i));
        }
        LazyFrame failing = DataFrame.builder().column("text", texts).build().lazy()
                .select(col("text").cast(dev.floe.core.types.DataType.INT64));
        for (String format : List.of("parquet", "csv", "arrow")) {
            String location = "s3://" + bucket + "/failed/out." + format;
            assertThatThrownBy(() -> {
                switch (format) {
                    case "parquet" -> failing.sinkParquet(location, sinkOptions(Map.of()));
                    case "csv" -> failing.sinkCsv(location, sinkOptions(Map.of()));
                    default -> failing.sinkIpc(location, sinkOptions(Map.of()));
                }
            }).as(format).isInstanceOf(FloeException.class).hasMessageContaining("not a number");
            assertThat(ObjectStores.forLocation(location, server.options()).exists(location)).as(format).isFalse();
        }
    }

    @Test
    void globsOverPrefixesAggregateAndCount() {
        for (int part = 0; part < 3; part++) {
            table.lazy().filter(col("id").mod(3).eq(part))
                    .sinkParquet("s3://" + bucket + "/glob/part=" + part + "/data.parquet", server.options());
        }
        LazyFrame scan = Floe.scanParquet("s3://" + bucket + "/glob/*/*.parquet", scanOptions());
        assertThat(scan.collect().height()).isEqualTo(table.height());
        DataFrame sums = scan.groupBy("part").agg(col("id").count().alias("n")).sort("part").collect();
        assertThat(sums.column("n").toList()).extracting(n -> ((Number) n).longValue())
                .containsExactly(10_000L, 10_000L, 10_000L);
        assertThat(scan.filter(col("id").lt(10)).select("id").collect().height()).isEqualTo(10);
    }

    @Test
    void aRewrittenCsvObjectIsReadAgain() {
        String location = "s3://" + bucket + "/rewrite/data.csv";
        for (String letter : List.of("a", "b")) {
            DataFrame frame = DataFrame.builder().column("letter", List.of(letter, letter)).build();
            frame.lazy().sinkCsv(location, server.options());
            assertThat(Floe.scanCsv(location, scanOptions()).collect().column("letter").toList())
                    .containsExactly(letter, letter);
        }
    }

    @Test
    void aMissingObjectIsNamed() {
        assertThatThrownBy(() -> Floe.scanParquet("s3://" + bucket + "/nothing/here.parquet", scanOptions()).collect())
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("s3://" + bucket + "/nothing/here.parquet");
    }
}
