package dev.floe.cluster.worker;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The layout of a worker's local directory: the shuffle output it serves, one partitioned Arrow IPC file per map
 * task holding every output partition, and input files it fetched.
 */
final class ShuffleStore {
    private final Path root;

    ShuffleStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path outputFile(long query, int stage, int map) {
        return outputFile(root, query, stage, map);
    }

    /** The shuffle file of one map partition of a stage (all its reduce partitions) under the work directory. */
    static Path outputFile(Path root, long query, int stage, int map) {
        return stageDirectory(root, query, stage).resolve("m" + map + ".arrow");
    }

    private static Path stageDirectory(Path root, long query, int stage) {
        return root.resolve("shuffle").resolve("q" + query).resolve("s" + stage);
    }

    Path fetchDirectory(long query, int stage, int partition, int attempt) {
        return root.resolve("fetch").resolve("q" + query).resolve("s" + stage + "-p" + partition + "-a" + attempt);
    }

    /** Removes everything kept for {@code query}. */
    void dropQuery(long query) {
        delete(root.resolve("shuffle").resolve("q" + query));
        delete(root.resolve("fetch").resolve("q" + query));
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot delete " + directory + ": " + e.getMessage(), e);
        }
    }
}
