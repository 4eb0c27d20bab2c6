package dev.floe.pdsh;

import dev.floe.ComputeContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local cluster of 3 worker JVMs (1 CPU, 0.5 GB each) started once for a test class and stopped after it, with its
 * work directory (and so the workers' logs) in a temporary directory.
 */
abstract class LocalClusterTest {
    @TempDir
    static Path directory;
    static ComputeContext context;

    @BeforeAll
    static void startCluster() {
        context = ComputeContext.builder().cpus(1).memory(0.5).clusterSize(3).workDirectory(directory).build();
    }

    @AfterAll
    static void stopCluster() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
