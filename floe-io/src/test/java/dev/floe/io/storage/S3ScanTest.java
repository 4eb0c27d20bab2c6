package dev.floe.io.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.ObjectConverter;
import dev.floe.core.vector.Vector;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import dev.floe.io.csv.CsvWriteOptions;
import dev.floe.io.csv.CsvWriter;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriter;
import dev.floe.io.parquet.write.ParquetSinkOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.io.predicate.ColumnPredicate;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scans of Parquet, CSV and IPC objects on a real S3 server, and what a scan does when S3 fails. */
class S3ScanTest {
    private static final int ROWS = 50_000;
    private static S3MockServer server;
    private static String bucket;
    private static ObjectStore store;

    @BeforeAll
    static void startServer() {
        server = S3MockServer.get();
        bucket = server.createBucket("floe-scan-test");
        store = ObjectStores.forLocation("s3://" + bucket + "/", server.options());
    }

    private static Batch data(int offset) {
        Schema schema = new Schema(List.of(Field.of("id", DataType.INT64), Field.of("name", DataType.STRING),
                Field.of("value", DataType.FLOAT64)));
        List<Object> ids = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            ids.add((long) (offset + i));
            names.add(i % 7 == 0 ? null : "name-" + (i % 1000));
            values.add(i * 0.5);
        }
        return new Batch(schema, List.of(ObjectConverter.toVector(DataType.INT64, ids),
                ObjectConverter.toVector(DataType.STRING, names), ObjectConverter.toVector(DataType.FLOAT64, values)),
                ROWS);
    }

    private static List<List<Object>> rows(Batch batch) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < batch.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (Vector column : batch.columns()) {
                row.add(column.getObject(r));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<Object>> scan(TableSource table, ScanRequest request) {
        List<List<Object>> out = new ArrayList<>();
        for (ScanTask task : table.plan(request)) {
            try (BatchReader reader = table.open(task, request)) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    out.addAll(rows(batch));
                }
            }
        }
        return out;
    }

    private static Map<String, String> options(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(server.options());
        all.putAll(extra);
        return all;
    }

    private static void putParquet(String location, Batch batch) {
        ParquetWriter.write(store.create(location), location, batch.schema(), List.of(batch).iterator(),
                ParquetSinkOptions.parse(Map.of("row_group_size", "10000")));
    }

    @Test
    void parquetOverAGlobWithHivePartitionsReadsOnlyWhatTheScanNeeds() {
        Batch first = data(0);
        Batch second = data(ROWS);
        putParquet("s3://" + bucket + "/parquet/part=a/data.parquet", first);
        putParquet("s3://" + bucket + "/parquet/part=b/data.parquet", second);
        S3ObjectStore s3 = (S3ObjectStore) store;
        long datasetBytes = store.list("s3://" + bucket + "/parquet/").stream().mapToLong(StoredObject::size).sum();

        TableSource table = TableSources.open(new ScanSource(FileFormat.PARQUET,
                List.of("s3://" + bucket + "/parquet/*/*.parquet"), server.options()));
        assertThat(table.schema().names()).containsExactly("id", "name", "value", "part");
        assertThat(table.statistics().rows()).isEqualTo(2L * ROWS);
        List<List<Object>> all = scan(table, ScanRequest.all());
        List<List<Object>> expected = new ArrayList<>();
        rows(first).forEach(row -> expected.add(withPartition(row, "a")));
        rows(second).forEach(row -> expected.add(withPartition(row, "b")));
        assertThat(all).isEqualTo(expected);

        long before = s3.bytesFetched();
        ScanRequest pruned = new ScanRequest(List.of("id"), new ColumnPredicate.Compare("id",
                ColumnPredicate.CompareOp.LT, 5_000L), -1, ScanRequest.DEFAULT_BATCH_SIZE);
        List<List<Object>> few = scan(table, pruned);
        long fetched = s3.bytesFetched() - before;
        assertThat(few).hasSize(10_000).allSatisfy(row -> assertThat((Long) row.getFirst()).isLessThan(10_000L));
        assertThat(fetched).isPositive().isLessThan(datasetBytes / 10);
    }

    private static List<Object> withPartition(List<Object> row, String partition) {
        List<Object> out = new ArrayList<>(row);
        out.add(partition);
        return out;
    }

    @Test
    void aFooterLongerThanTheFirstTailReadTakesOneMoreRead() {
        List<Field> fields = new ArrayList<>();
        List<Vector> columns = new ArrayList<>();
        for (int c = 0; c < 600; c++) {
            fields.add(Field.of("column_with_a_long_name_" + c, DataType.INT64));
            columns.add(ObjectConverter.toVector(DataType.INT64, List.of((long) c, (long) -c, 7L)));
        }
        Batch batch = new Batch(new Schema(fields), columns, 3);
        String location = "s3://" + bucket + "/wide/data.parquet";
        putParquet(location, batch);
        S3ObjectStore s3 = (S3ObjectStore) store;
        long requests = s3.getRequests();
        var metadata = dev.floe.io.parquet.ParquetMetadata.read(location, server.options());
        assertThat(s3.getRequests() - requests).isEqualTo(2);
        assertThat(metadata.fileSize()).isGreaterThan(64 * 1024);
        assertThat(metadata.schema().size()).isEqualTo(600);
        TableSource table = TableSources.open(new ScanSource(FileFormat.PARQUET, List.of(location),
                server.options()));
        assertThat(scan(table, ScanRequest.all())).isEqualTo(rows(batch));
    }

    @Test
    void aSmallFileIsReadWholeWithOneRequestForItsFooter() {
        Batch batch = data(0).slice(0, 100);
        String location = "s3://" + bucket + "/small/data.parquet";
        putParquet(location, batch);
        S3ObjectStore s3 = (S3ObjectStore) store;
        long requests = s3.getRequests();
        var metadata = dev.floe.io.parquet.ParquetMetadata.read(location, server.options());
        assertThat(s3.getRequests() - requests).isEqualTo(1);
        assertThat(metadata.rowCount()).isEqualTo(100);
    }

    @Test
    void csvObjectsAreScanned() {
        Batch batch = data(0);
        String location = "s3://" + bucket + "/csv/data.csv";
        CsvWriter.write(List.of(batch), batch.schema(), store.create(location), CsvWriteOptions.from(Map.of()));
        TableSource table = TableSources.open(new ScanSource(FileFormat.CSV, List.of(location),
                options(Map.of("infer_schema_length", "100000"))));
        assertThat(scan(table, ScanRequest.all())).isEqualTo(rows(batch));
    }

    @Test
    void ipcObjectsAreScanned() {
        Batch batch = data(0);
        String location = "s3://" + bucket + "/ipc/data.arrow";
        IpcWriter.write(List.of(batch), batch.schema(), store.create(location), IpcCompression.parse("zstd"));
        TableSource table = TableSources.open(new ScanSource(FileFormat.IPC, List.of("s3://" + bucket + "/ipc/"),
                server.options()));
        assertThat(scan(table, ScanRequest.all())).isEqualTo(rows(batch));
    }

    @Test
    void aMissingBucketIsNamed() {
        assertThatThrownBy(() -> TableSources.open(new ScanSource(FileFormat.PARQUET,
                List.of("s3://no-such-bucket-floe/data/*.parquet"), server.options())))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("no-such-bucket-floe");
    }

    @Test
    void aMissingKeyIsNamed() {
        for (FileFormat format : FileFormat.values()) {
            String location = "s3://" + bucket + "/missing/none." + format.extension();
            assertThatThrownBy(() -> TableSources.open(new ScanSource(format, List.of(location), server.options())))
                    .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.FILE_NOT_FOUND))
                    .hasMessageContaining("missing/none");
        }
    }

    @Test
    void refusedCredentialsGiveAClearError() throws IOException {
        try (DenyingS3Server denying = new DenyingS3Server("SignatureDoesNotMatch",
                "The request signature we calculated does not match.")) {
            Map<String, String> wrong = S3MockServer.options(denying.endpoint());
            for (String path : List.of("s3://b/data/*.parquet", "s3://b/data/x.parquet")) {
                assertThatThrownBy(() -> TableSources.open(new ScanSource(FileFormat.PARQUET, List.of(path), wrong)))
                        .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                                .isEqualTo(ErrorCode.STORAGE_ERROR))
                        .hasMessageContaining("access denied").hasMessageContaining("s3://b/data/");
            }
        }
    }

    @Test
    void aServerStoppingMidScanGivesAnErrorNotAHang() throws IOException {
        String location = "s3://" + bucket + "/dying/big.parquet";
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batches.add(data(i * ROWS));
        }
        ParquetWriter.write(store.create(location), location, batches.getFirst().schema(), batches.iterator(),
                ParquetSinkOptions.parse(Map.of("compression", "uncompressed", "dictionary", "false")));
        try (TcpProxy proxy = new TcpProxy(server.port())) {
            Map<String, String> throughProxy = S3MockServer.options("http://127.0.0.1:" + proxy.port());
            TableSource table = TableSources.open(new ScanSource(FileFormat.PARQUET, List.of(location),
                    throughProxy));
            long opened = proxy.bytesForwarded();
            Thread.ofVirtual().start(() -> {
                try {
                    while (proxy.bytesForwarded() < opened + (2 << 20)) {
                        Thread.sleep(1);
                    }
                    proxy.close();
                } catch (IOException | InterruptedException ignored) {
                    // the test fails on its own if the proxy never closes
                }
            });
            assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                    assertThatThrownBy(() -> scan(table, ScanRequest.all()))
                            .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                                    .isIn(ErrorCode.STORAGE_ERROR, ErrorCode.CORRUPT_FILE))
                            .hasMessageContaining("dying/big.parquet"));
        }
    }
}
