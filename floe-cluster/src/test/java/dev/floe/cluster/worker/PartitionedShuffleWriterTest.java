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
import dev.floe.io.ipc.IpcPartitions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming shuffle writer writes what partitioning the whole output at once would, batch by batch, into one
 * partitioned file per map task.
 */
class PartitionedShuffleWriterTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.INT64), Field.of("name", DataType.STRING));

    @TempDir
    Path directory;

    @Test
    void hashPartitionsMatchTheWholeOutputCutAtOnceInOneFile() throws IOException {
        List<Batch> batches = List.of(batch(0, 2500), batch(2500, 10), batch(2510, 700));
        Exchange.Hash hash = new Exchange.Hash(List.of("k"), 3);
        Path file = file();
        long bytes;
        long[] rows;
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(hash, SCHEMA, file, IpcCompression.LZ4)) {
            batches.forEach(writer::write);
            bytes = writer.finish();
            rows = writer.rows();
        }
        List<List<Batch>> expected = ShuffleWriter.partition(hash, SCHEMA, batches);
        long total = 0;
        for (int p = 0; p < 3; p++) {
            assertThat(BatchRows.inOrder(IpcFiles.read(file, p))).isEqualTo(BatchRows.inOrder(expected.get(p)));
            assertThat(rows[p]).isEqualTo(BatchRows.inOrder(expected.get(p)).size());
            total += rows[p];
        }
        assertThat(total).isEqualTo(3210);
        assertThat(bytes).isEqualTo(Files.size(file));
        try (Stream<Path> written = Files.list(file.getParent())) {
            assertThat(written.toList()).containsExactly(file);
        }
    }

    @Test
    void keptPiecesAreWrittenPartitionByPartitionSoEachPartitionIsOneRun() {
        Path file = file();
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(new Exchange.Hash(List.of("k"), 3), SCHEMA,
                file, IpcCompression.UNCOMPRESSED)) {
            for (int b = 0; b < 5; b++) {
                writer.write(batch(b * 100, 100));
            }
            writer.finish();
        }
        assertThat(partitionOfEachBatch(file)).isSorted().hasSize(15);
    }

    @Test
    void aFullBufferIsAppendedAndTheRowsStayComplete() {
        Path file = file();
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            batches.add(batch(b * 400, 400));
        }
        Exchange.Hash hash = new Exchange.Hash(List.of("k"), 2);
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(hash, SCHEMA, file, IpcCompression.ZSTD,
                1)) {
            batches.forEach(writer::write);
            writer.finish();
        }
        // a one-byte buffer appends after every batch: each partition comes in one run per input batch
        assertThat(partitionOfEachBatch(file)).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
        List<List<Batch>> expected = ShuffleWriter.partition(hash, SCHEMA, batches);
        for (int p = 0; p < 2; p++) {
            assertThat(BatchRows.inOrder(IpcFiles.read(file, p))).isEqualTo(BatchRows.inOrder(expected.get(p)));
        }
    }

    @Test
    void roundRobinDealsBatchesAndEmptyPartitionsReadAsNoRows() {
        Path file = file();
        long[] rows;
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(new Exchange.RoundRobin(4), SCHEMA, file,
                IpcCompression.UNCOMPRESSED)) {
            writer.write(batch(0, 5));
            writer.write(batch(5, 7));
            writer.finish();
            rows = writer.rows();
        }
        assertThat(BatchRows.inOrder(IpcFiles.read(file, 0))).hasSize(5);
        assertThat(BatchRows.inOrder(IpcFiles.read(file, 1))).hasSize(7);
        assertThat(IpcFiles.read(file, 2)).isEmpty();
        assertThat(IpcFiles.read(file, 3)).isEmpty();
        assertThat(rows).containsExactly(5, 7, 0, 0);
    }

    @Test
    void anOutputWithoutRowsIsAPartitionedFileWithTheSchema() {
        Path file = file();
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(new Exchange.Hash(List.of("k"), 2), SCHEMA,
                file, IpcCompression.LZ4)) {
            writer.finish();
        }
        assertThat(IpcFiles.read(file, 1)).isEmpty();
        assertThat(partitionOfEachBatch(file)).isEmpty();
    }

    @Test
    void anUnfinishedOutputLeavesNoFileBehind() throws IOException {
        Path file = file();
        try (PartitionedShuffleWriter writer = new PartitionedShuffleWriter(new Exchange.Hash(List.of("k"), 2), SCHEMA,
                file, IpcCompression.ZSTD)) {
            writer.write(batch(0, 100));
        }
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertThat(left.toList()).isEmpty();
        }
    }

    private Path file() {
        return directory.resolve("s1").resolve("m0.arrow");
    }

    /** The footer's partition of each record batch, in file order. */
    private static List<Integer> partitionOfEachBatch(Path file) {
        try (BufferAllocator allocator = new RootAllocator();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator, IpcCompression.codecs())) {
            int blocks = reader.getRecordBlocks().size();
            int[] partitions = IpcPartitions.of(reader.getMetaData(), blocks, file.toString());
            assertThat(partitions).as("the partition map").isNotNull();
            return java.util.Arrays.stream(partitions).boxed().toList();
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
