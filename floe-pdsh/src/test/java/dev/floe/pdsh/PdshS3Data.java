package dev.floe.pdsh;

import dev.floe.io.storage.ObjectStore;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.S3MockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The test PDS-H data uploaded once per test JVM to the shared s3mock server (bucket {@code floe-pdsh}, prefix
 * {@code data}): every S3 test of this module reads the same objects.
 */
final class PdshS3Data {
    static final String BUCKET = "floe-pdsh";
    private static PdshTables uploaded;

    private PdshS3Data() {
    }

    /** The tables of {@code scaleFactor} on S3, with storage options reaching the server; uploads on first use. */
    static synchronized PdshTables tables(double scaleFactor) {
        PdshTables local = PdshTestData.tables(scaleFactor);
        S3MockServer server = S3MockServer.get();
        String prefix = "s3://" + server.createBucket(BUCKET) + "/data";
        PdshTables remote = PdshTables.of(prefix, scaleFactor, server.options());
        if (uploaded != null && uploaded.equals(remote)) {
            return uploaded;
        }
        ObjectStore store = ObjectStores.forLocation(prefix, server.options());
        Path root = Path.of(local.location()).getParent();
        store.deleteAll(prefix + "/");
        try (Stream<Path> files = Files.walk(Path.of(local.location()))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".parquet"))
                    .toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                try (OutputStream out = store.create(prefix + "/" + relative)) {
                    Files.copy(file, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploaded = remote;
        return remote;
    }
}
