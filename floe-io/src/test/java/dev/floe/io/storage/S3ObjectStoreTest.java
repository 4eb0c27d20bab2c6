package dev.floe.io.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3ObjectStoreTest {
    private static S3MockServer server;
    private static String bucket;
    private static ObjectStore store;

    @BeforeAll
    static void startServer() {
        server = S3MockServer.get();
        bucket = server.createBucket("floe-store-test");
        store = ObjectStores.forLocation("s3://" + bucket + "/", server.options());
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static void put(String location, byte[] bytes) throws IOException {
        try (OutputStream out = store.create(location)) {
            out.write(bytes);
        }
    }

    @Test
    void writesListsAndReadsRanges() throws IOException {
        byte[] bytes = randomBytes(100_000, 1);
        String location = "s3://" + bucket + "/ranges/data.bin";
        put(location, bytes);
        put("s3://" + bucket + "/ranges/other.bin", new byte[] {1, 2, 3});

        assertThat(store.list("s3://" + bucket + "/ranges/")).containsExactly(
                new StoredObject("s3://" + bucket + "/ranges/data.bin", 100_000),
                new StoredObject("s3://" + bucket + "/ranges/other.bin", 3));
        assertThat(store.exists(location)).isTrue();
        assertThat(store.exists("s3://" + bucket + "/ranges/none.bin")).isFalse();

        try (InputFile file = store.open(location)) {
            assertThat(file.readTail(8)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 99_992, 100_000));
            assertThat(file.length()).isEqualTo(100_000);
            assertThat(file.read(new ByteRange(10, 5))).isEqualTo(java.util.Arrays.copyOfRange(bytes, 10, 15));
            List<byte[]> parts = file.readAll(List.of(new ByteRange(50_000, 10), new ByteRange(0, 4),
                    new ByteRange(50_020, 30)));
            assertThat(parts.get(0)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 50_000, 50_010));
            assertThat(parts.get(1)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 0, 4));
            assertThat(parts.get(2)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 50_020, 50_050));
        }
    }

    @Test
    void largeWritesUseMultipartUploads() throws IOException {
        byte[] bytes = randomBytes(12 << 20, 2);
        String location = "s3://" + bucket + "/multipart/big.bin";
        put(location, bytes);
        try (InputFile file = store.open(location)) {
            assertThat(file.length()).isEqualTo(bytes.length);
            assertThat(file.read(new ByteRange(0, bytes.length))).isEqualTo(bytes);
        }
    }

    @Test
    void deletesAPrefix() throws IOException {
        put("s3://" + bucket + "/trash/a", new byte[] {1});
        put("s3://" + bucket + "/trash/b/c", new byte[] {2});
        store.deleteAll("s3://" + bucket + "/trash/");
        assertThat(store.list("s3://" + bucket + "/trash/")).isEmpty();
    }

    @Test
    void missingBucketIsNamed() {
        ObjectStore other = ObjectStores.forLocation("s3://no-such-bucket-floe/x", server.options());
        assertThatThrownBy(() -> other.open("s3://no-such-bucket-floe/x.parquet").read(new ByteRange(0, 4)))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("no-such-bucket-floe");
        assertThatThrownBy(() -> other.list("s3://no-such-bucket-floe/"))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND));
    }

    @Test
    void missingKeyIsNamed() {
        assertThatThrownBy(() -> store.open("s3://" + bucket + "/nothing/here.parquet").readTail(8))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("nothing/here.parquet");
    }

    @Test
    void refusedCredentialsGiveAClearError() throws IOException {
        try (DenyingS3Server denying = new DenyingS3Server("InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist.")) {
            ObjectStore wrong = ObjectStores.forLocation("s3://b/", S3MockServer.options(denying.endpoint()));
            assertThatThrownBy(() -> wrong.open("s3://b/k").readTail(8))
                    .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_ERROR))
                    .hasMessageContaining("access denied").hasMessageContaining("aws_access_key_id");
        }
    }

    @Test
    void aServerDyingMidReadGivesAnErrorNotAHang() throws IOException {
        byte[] bytes = randomBytes(16 << 20, 3);
        String location = "s3://" + bucket + "/dying/big.bin";
        put(location, bytes);
        TcpProxy proxy = new TcpProxy(server.port());
        ObjectStore throughProxy = ObjectStores.forLocation(location, Map.of(
                "aws_endpoint_url", "http://127.0.0.1:" + proxy.port(), "aws_access_key_id", "floe",
                "aws_secret_access_key", "floe-secret", "aws_region", "us-east-1", "aws_force_path_style", "true"));
        Thread.ofVirtual().start(() -> {
            try {
                while (proxy.bytesForwarded() < (1 << 20)) {
                    Thread.sleep(1);
                }
                proxy.close();
            } catch (IOException | InterruptedException ignored) {
                // the test fails on its own if the proxy never closes
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
                assertThatThrownBy(() -> throughProxy.open(location).read(new ByteRange(0, bytes.length)))
                        .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                                .isIn(ErrorCode.STORAGE_ERROR, ErrorCode.CORRUPT_FILE))
                        .hasMessageContaining("dying/big.bin"));
    }

    @Test
    void unknownStorageOptionsListTheValidOnes() {
        assertThatThrownBy(() -> StorageOptions.from(Map.of("aws_regoin", "x")))
                .hasMessageContaining("aws_regoin").hasMessageContaining("aws_region");
    }
}
