package dev.floe.io.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.ObjectConverter;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import dev.floe.io.parquet.ParquetMetadata;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsed Parquet footers are cached by location and content version (length and ETag on S3, length and
 * modification time locally): opening a scan again fetches no footer, and a changed file is read again. Local
 * copies of CSV/IPC objects are keyed by ETag too, so an object replaced by one of the same length is fetched anew.
 */
class FooterAndCopyCacheTest {
    private static S3MockServer server;
    private static String bucket;
    private static S3ObjectStore store;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer() {
        server = S3MockServer.get();
        bucket = server.createBucket("floe-cache-test");
        store = (S3ObjectStore) ObjectStores.forLocation("s3://" + bucket + "/", server.options());
    }

    private static Batch numbers(long from, int count) {
        List<Object> values = new ArrayList<>();
        for (long i = from; i < from + count; i++) {
            values.add(i);
        }
        return new Batch(new Schema(List.of(Field.of("n", DataType.INT64))),
                List.of(ObjectConverter.toVector(DataType.INT64, values)), count);
    }

    private static void putParquet(String location, Batch batch) {
        ParquetWriter.write(store.create(location), location, batch.schema(), List.of(batch).iterator(),
                ParquetWriteOptions.defaults());
    }

    private static long sum(TableSource table) {
        long total = 0;
        for (ScanTask task : table.plan(ScanRequest.all())) {
            try (BatchReader reader = table.open(task, ScanRequest.all())) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        total += (Long) batch.column(0).getObject(r);
                    }
                }
            }
        }
        return total;
    }

    @Test
    void aSecondScanOfAnUnchangedObjectFetchesNoFooterAndAChangedObjectIsReadAgain() {
        String prefix = "s3://" + bucket + "/footers/";
        putParquet(prefix + "a.parquet", numbers(0, 1000));
        ScanSource source = new ScanSource(FileFormat.PARQUET, List.of(prefix + "*.parquet"), server.options());

        TableSources.open(source);
        long requests = store.getRequests();
        long hits = ParquetMetadata.FOOTERS.hits();
        TableSource again = TableSources.open(source);
        assertThat(store.getRequests()).as("GETs of the second open").isEqualTo(requests);
        assertThat(ParquetMetadata.FOOTERS.hits()).isGreaterThan(hits);
        assertThat(again.statistics().rows()).isEqualTo(1000);
        assertThat(sum(again)).isEqualTo(999L * 1000 / 2);

        putParquet(prefix + "a.parquet", numbers(0, 1001));
        TableSource changed = TableSources.open(source);
        assertThat(store.getRequests()).isGreaterThan(requests);
        assertThat(changed.statistics().rows()).isEqualTo(1001);
        assertThat(sum(changed)).isEqualTo(1000L * 1001 / 2);
    }

    @Test
    void aChangedLocalFileIsReadAgain() throws IOException {
        Path file = directory.resolve("n.parquet");
        ParquetWriter.write(file, numbers(0, 10).schema(), List.of(numbers(0, 10)), ParquetWriteOptions.defaults());
        assertThat(ParquetMetadata.read(file.toString()).rowCount()).isEqualTo(10);
        long hits = ParquetMetadata.FOOTERS.hits();
        assertThat(ParquetMetadata.read(file.toString()).rowCount()).isEqualTo(10);
        assertThat(ParquetMetadata.FOOTERS.hits()).isEqualTo(hits + 1);
        ParquetWriter.write(file, numbers(0, 20).schema(), List.of(numbers(0, 20)), ParquetWriteOptions.defaults());
        assertThat(ParquetMetadata.read(file.toString()).rowCount()).isEqualTo(20);
    }

    @Test
    void aCsvObjectReplacedByOneOfTheSameLengthIsFetchedAgain() throws IOException {
        String location = "s3://" + bucket + "/copies/values.csv";
        put(location, "n\n1\n2\n");
        ScanSource source = new ScanSource(FileFormat.CSV, List.of(location), server.options());
        assertThat(sum(TableSources.open(source))).isEqualTo(3);
        put(location, "n\n4\n5\n");
        assertThat(sum(TableSources.open(source))).isEqualTo(9);
    }

    private static void put(String location, String text) throws IOException {
        try (OutputStream out = store.create(location)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
