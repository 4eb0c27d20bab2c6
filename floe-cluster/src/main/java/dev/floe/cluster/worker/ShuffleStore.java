package dev.floe.cluster.worker;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The layout of a worker's local directory: shuffle output files it serves and input files it fetched. */
final class ShuffleStore {
    private final Path root;
    private final java.util.Map<Path, Long> rows = new java.util.concurrent.ConcurrentHashMap<>();

    ShuffleStore(Path root) {
        this.root = root;
    }

    Path outputFile(long query, int stage, int map, int reduce) {
        return root.resolve("shuffle").resolve("q" + query).resolve("s" + stage).resolve("m" + map + "-r" + reduce
                + ".arrow");
    }

    void recordRows(Path outputFile, long count) {
        rows.put(outputFile, count);
    }

    /** Rows of an output file this worker wrote, or -1 when unknown. */
    long rows(Path outputFile) {
        return rows.getOrDefault(outputFile, -1L);
    }

    Path fetchDirectory(long query, int stage, int partition, int attempt) {
        return root.resolve("fetch").resolve("q" + query).resolve("s" + stage + "-p" + partition + "-a" + attempt);
    }

    /** Removes everything kept for {@code query}. */
    void dropQuery(long query) {
        Path shuffle = root.resolve("shuffle").resolve("q" + query);
        rows.keySet().removeIf(path -> path.startsWith(shuffle));
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
