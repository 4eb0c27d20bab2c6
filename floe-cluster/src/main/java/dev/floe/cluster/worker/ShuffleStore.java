package dev.floe.cluster.worker;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The layout of a worker's local directory: shuffle output files it serves (with, per map task, the rows of each
 * output partition, so a same-host reader of a file knows its rows without reading it) and input files it fetched.
 */
final class ShuffleStore {
    private final Path root;

    ShuffleStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path outputFile(long query, int stage, int map, int reduce) {
        return outputFile(root, query, stage, map, reduce);
    }

    /** The shuffle file of one map and reduce partition of a stage under the work directory {@code root}. */
    static Path outputFile(Path root, long query, int stage, int map, int reduce) {
        return stageDirectory(root, query, stage).resolve("m" + map + "-r" + reduce + ".arrow");
    }

    private static Path stageDirectory(Path root, long query, int stage) {
        return root.resolve("shuffle").resolve("q" + query).resolve("s" + stage);
    }

    private static Path rowsFile(Path root, long query, int stage, int map) {
        return stageDirectory(root, query, stage).resolve("m" + map + ".rows");
    }

    /** Records the rows of every output partition of a map task; written before its files appear. */
    void writeRows(long query, int stage, int map, long[] rows) {
        Path file = rowsFile(root, query, stage, map);
        ByteBuffer buffer = ByteBuffer.allocate(rows.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long count : rows) {
            buffer.putLong(count);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + Thread.currentThread().threadId());
            Files.write(temporary, buffer.array());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Rows of one output partition of a map task under the work directory {@code root}, or -1 when unknown. */
    static long rows(Path root, long query, int stage, int map, int reduce) {
        Path file = rowsFile(root, query, stage, map);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            if (channel.read(buffer, (long) reduce * Long.BYTES) != Long.BYTES) {
                return -1;
            }
            return buffer.getLong(0);
        } catch (IOException e) {
            return -1;
        }
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
