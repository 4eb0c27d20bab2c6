package dev.floe.cluster.runtime;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real cluster (a coordinator and 3 worker JVMs of 2 slots on 127.0.0.1) shared by the test classes that only
 * need a healthy cluster: started by the first that asks, stopped when the test JVM exits. Tests that kill or
 * misconfigure workers start their own.
 */
final class SharedTestCluster {
    private static ClusterClient client;

    private SharedTestCluster() {
    }

    static synchronized ClusterClient client() {
        if (client == null) {
            Path directory;
            try {
                directory = Files.createTempDirectory("floe-test-cluster");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalCluster cluster = LocalCluster.start(3, 2, 384, directory.resolve("cluster"));
            ClusterClient started = cluster.client();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                cluster.close();
            }));
            client = started;
        }
        return client;
    }
}
