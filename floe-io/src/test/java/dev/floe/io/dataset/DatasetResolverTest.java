package dev.floe.io.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.storage.ObjectStore;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.S3MockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetResolverTest {
    @TempDir
    Path directory;

    private void touch(String relative) throws IOException {
        Path path = directory.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[] {1});
    }

    @Test
    void directoriesYieldTheirFilesWithTypedHivePartitions() throws IOException {
        touch("year=2023/region=north/data_0.parquet");
        touch("year=2024/region=a%2Fb/data_0.parquet");
        touch("year=2024/region=__HIVE_DEFAULT_PARTITION__/data_0.parquet");
        touch("year=2024/region=north/_SUCCESS");
        touch(".hidden/x.parquet");
        ResolvedDataset dataset = DatasetResolver.resolve(new ScanSource(FileFormat.PARQUET,
                List.of(directory.toString()), Map.of()));
        assertThat(dataset.files()).hasSize(3);
        assertThat(dataset.partitionFields()).containsExactly(Field.of("year", DataType.INT64),
                Field.of("region", DataType.STRING));
        assertThat(dataset.files()).extracting(f -> f.partitionValues().get("region"))
                .containsExactlyInAnyOrder("north", "a/b", null);
    }

    @Test
    void globsMatchBelowTheirFixedPrefix() throws IOException {
        touch("a/part-0.parquet");
        touch("a/part-1.parquet");
        touch("a/other.csv");
        ResolvedDataset dataset = DatasetResolver.resolve(new ScanSource(FileFormat.PARQUET,
                List.of(directory + "/a/*.parquet"), Map.of()));
        assertThat(dataset.files()).extracting(DataFile::path).containsExactly(
                directory + "/a/part-0.parquet", directory + "/a/part-1.parquet");
    }

    @Test
    void missingPathsAreNamed() {
        assertThatThrownBy(() -> DatasetResolver.resolve(new ScanSource(FileFormat.PARQUET,
                List.of(directory + "/nope.parquet"), Map.of())))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("nope.parquet");
        assertThatThrownBy(() -> DatasetResolver.resolve(new ScanSource(FileFormat.PARQUET,
                List.of(directory + "/*.parquet"), Map.of())))
                .hasMessageContaining("no files match");
    }

    @Test
    void objectStoreListingsResolveLikeDirectories() throws IOException {
        S3MockServer server = S3MockServer.get();
        String bucket = server.createBucket("floe-resolver-test");
        ObjectStore store = ObjectStores.forLocation("s3://" + bucket + "/", server.options());
        for (String key : List.of("sales/month=1/part-0.parquet", "sales/month=2/part-0.parquet",
                "sales/month=2/part-1.parquet", "sales/month=2/notes.txt")) {
            try (OutputStream out = store.create("s3://" + bucket + "/" + key)) {
                out.write(new byte[] {1, 2});
            }
        }
        Map<String, String> options = new HashMap<>(server.options());
        ResolvedDataset byPrefix = DatasetResolver.resolve(new ScanSource(FileFormat.PARQUET,
                List.of("s3://" + bucket + "/sales"), options));
        assertThat(byPrefix.files()).hasSize(3);
        assertThat(byPrefix.partitionFields()).containsExactly(Field.of("month", DataType.INT64));

        ResolvedDataset byGlob = DatasetResolver.resolve(new ScanSource(FileFormat.PARQUET,
                List.of("s3://" + bucket + "/sales/month=2/*.parquet"), options));
        assertThat(byGlob.files()).extracting(DataFile::path).containsExactly(
                "s3://" + bucket + "/sales/month=2/part-0.parquet", "s3://" + bucket + "/sales/month=2/part-1.parquet");
        assertThat(byGlob.files().getFirst().size()).isEqualTo(2);

        assertThatThrownBy(() -> DatasetResolver.resolve(new ScanSource(FileFormat.PARQUET,
                List.of("s3://" + bucket + "/nothing/"), options)))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
    }
}
