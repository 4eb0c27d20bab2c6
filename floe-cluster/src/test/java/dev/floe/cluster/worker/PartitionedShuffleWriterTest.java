package dev.floe.cluster.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.cluster.plan.Exchange;
import dev.floe.cluster.testing.BatchRows;
import dev.floe.cluster.testing.IpcFiles;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.io.ipc.IpcCompression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming shuffle writer writes what partitioning the whole output at once would, batch by batch. */
class PartitionedShuffleWriterTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.INT64), Field.of("name", DataType.STRING));

    @TempDir
    Path directory;

    @Test
    void hashPartitionsMatchTheWholeOutputCutAtOnce() {
        List<Batch> batches = List.of(batch(0, 2500), batch(2500, 10), batch(2510, 700));
        Exchange.Hash hash = new Exchange.Hash(List.of("k"), 3);
        List<Path> files = files(3);
        long bytes;
        long[] rows;
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(hash, SCHEMA, files, IpcCompression.LZ4)) {
            batches.forEach(writer::write);
            bytes = writer.finish();
            rows = writer.rows();
        }
        List<List<Batch>> expected = ShuffleWriter.partition(hash, SCHEMA, batches);
        long total = 0;
        long fileBytes = 0;
        for (int p = 0; p < 3; p++) {
            assertThat(BatchRows.inOrder(IpcFiles.read(files.get(p)))).isEqualTo(BatchRows.inOrder(expected.get(p)));
            assertThat(rows[p]).isEqualTo(BatchRows.inOrder(expected.get(p)).size());
            total += rows[p];
            fileBytes += size(files.get(p));
        }
        assertThat(total).isEqualTo(3210);
        assertThat(bytes).isEqualTo(fileBytes);
    }

    @Test
    void roundRobinDealsBatchesAndEmptyPartitionsStillGetAFileWithTheSchema() {
        List<Path> files = files(4);
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(new Exchange.RoundRobin(4), SCHEMA, files,
                IpcCompression.UNCOMPRESSED)) {
            writer.write(batch(0, 5));
            writer.write(batch(5, 7));
            writer.finish();
        }
        assertThat(BatchRows.inOrder(IpcFiles.read(files.get(0)))).hasSize(5);
        assertThat(BatchRows.inOrder(IpcFiles.read(files.get(1)))).hasSize(7);
        assertThat(IpcFiles.read(files.get(2))).isEmpty();
        assertThat(IpcFiles.read(files.get(3))).isEmpty();
        assertThat(files).allSatisfy(file -> assertThat(file).exists());
    }

    @Test
    void anUnfinishedOutputLeavesNoFileBehind() throws IOException {
        List<Path> files = files(2);
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(new Exchange.Hash(List.of("k"), 2), SCHEMA,
                files, IpcCompression.ZSTD)) {
            writer.write(batch(0, 100));
        }
        try (Stream<Path> left = Files.list(files.getFirst().getParent())) {
            assertThat(left.toList()).isEmpty();
        }
    }

    private List<Path> files(int count) {
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            files.add(directory.resolve("s1").resolve("m0-r" + p + ".arrow"));
        }
        return files;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Batch batch(int first, int rows) {
        List<Long> keys = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = first; i < first + rows; i++) {
            keys.add((long) i % 31);
            names.add(i % 7 == 0 ? null : "name-" + i);
        }
        return new Batch(SCHEMA, List.of(Vectors.fromObjects(DataType.INT64, keys),
                Vectors.fromObjects(DataType.STRING, names)));
    }
}
