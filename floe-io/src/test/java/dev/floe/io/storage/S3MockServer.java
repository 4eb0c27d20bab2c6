package dev.floe.io.storage;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real S3-compatible server (s3mock's executable jar, resolved by Maven) on 127.0.0.1, started once per
 * test JVM on first use and stopped when the JVM exits.
 */
public final class S3MockServer {
    private static S3MockServer instance;

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized S3MockServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static S3MockServer start() {
        String jar = System.getProperty("floe.s3mock.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("s3mock jar not found at " + jar
                    + "; run the tests through Maven, which copies it into target/s3mock");
        }
        try {
            int port = freePort();
            int managementPort = freePort();
            Path storeRoot = Files.createTempDirectory("floe-s3mock");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar,
                    "--http.port=" + port, "--server.port=" + managementPort, "--server.address=127.0.0.1")
                    .redirectErrorStream(true)
                    .redirectOutput(storeRoot.resolveSibling(storeRoot.getFileName() + ".log").toFile());
            builder.environment().put("COM_ADOBE_TESTING_S3MOCK_STORE_ROOT", storeRoot.toString());
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            S3MockServer server = new S3MockServer(process, port);
            server.awaitReady(Duration.ofSeconds(120));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start s3mock", e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3mock exited with code " + process.exitValue());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("s3mock did not start within " + timeout);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Storage options that reach this server (s3mock accepts any credentials). */
    public Map<String, String> options() {
        return options(endpoint());
    }

    public static Map<String, String> options(String endpoint) {
        return Map.of("aws_endpoint_url", endpoint, "aws_access_key_id", "floe", "aws_secret_access_key",
                "floe-secret", "aws_region", "us-east-1");
    }

    /** Creates a bucket (ignoring one that exists) and returns its name. */
    public String createBucket(String name) {
        S3ObjectStore store = (S3ObjectStore) ObjectStores.forLocation("s3://" + name + "/", options());
        try {
            store.client().createBucket(b -> b.bucket(name));
        } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException exists) {
            // fine
        }
        return name;
    }
}
