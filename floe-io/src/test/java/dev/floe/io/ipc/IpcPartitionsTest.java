package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.testing.SampleBatches;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Partitioned IPC files: a footer naming each batch's partition, and the scan option reading one partition. */
class IpcPartitionsTest {
    private static final Batch BATCH = SampleBatches.allTypes();

    @TempDir
    Path directory;

    /** Writes {@code slices[i]} rows of the sample batch as one record batch of {@code partitions[i]}. */
    private Path partitioned(String name, int[] partitions, int[] rows) {
        Path file = directory.resolve(name);
        try (IpcWriter writer = IpcWriter.openPartitioned(file, BATCH.schema(), IpcCompression.LZ4)) {
            for (int i = 0; i < partitions.length; i++) {
                writer.write(BATCH.slice(0, rows[i]), partitions[i]);
            }
        }
        return file;
    }

    private static IpcTableSource open(String partition, Path... files) {
        Map<String, String> options = partition == null ? Map.of() : Map.of(IpcPartitions.OPTION, partition);
        return (IpcTableSource) IpcTableSource.open(new ScanSource(FileFormat.IPC,
                Arrays.stream(files).map(Path::toString).toList(), options));
    }

    private static long rowsRead(TableSource source) {
        long rows = 0;
        for (ScanTask task : source.plan(ScanRequest.all())) {
            try (BatchReader reader = source.open(task, ScanRequest.all())) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    rows += batch.rowCount();
                }
            }
        }
        return rows;
    }

    @Test
    void theFooterNamesThePartitionOfEveryBatch() {
        Path file = partitioned("map.arrow", new int[] {0, 0, 2, 1, 2}, new int[] {1, 2, 3, 4, 5});
        IpcFileLayout layout = IpcFileLayout.read(file.toString());
        assertThat(layout.partitions()).containsExactly(0, 0, 2, 1, 2);
        assertThat(layout.totalRows(2)).isEqualTo(8);
        assertThat(layout.totalRows()).isEqualTo(15);
        IpcFileLayout two = IpcFileLayout.read(file.toString(), 2);
        assertThat(two.rows()).as("only partition 2's batch headers are read").containsExactly(-1, -1, 3, -1, 5);
        assertThat(two.totalRows(2)).isEqualTo(8);
    }

    @Test
    void aScanOfOnePartitionReadsItsBatchesInRunsAndNothingElse() {
        Path first = partitioned("m0.arrow", new int[] {0, 0, 2, 1, 2}, new int[] {1, 2, 3, 4, 5});
        Path second = partitioned("m1.arrow", new int[] {1, 2}, new int[] {5, 2});
        IpcTableSource two = open("2", first, second);
        List<String> tasks = new ArrayList<>();
        two.plan(Long.MAX_VALUE).forEach(task -> tasks.add(Path.of(task.path()).getFileName() + "[" + task.start()
                + "+" + task.length() + "]"));
        assertThat(tasks).containsExactly("m0.arrow[2+1]", "m0.arrow[4+1]", "m1.arrow[1+1]");
        assertThat(rowsRead(two)).isEqualTo(10);
        assertThat(two.statistics().rows()).isEqualTo(10);
        assertThat(rowsRead(open("0", first, second))).isEqualTo(3);
        assertThat(rowsRead(open("1", first, second))).isEqualTo(9);
        assertThat(rowsRead(open(null, first, second))).as("without the option, whole files").isEqualTo(22);
    }

    @Test
    void theSizeOfAPartitionCountsItsRowsAndBatchBytesFromTheFooter() {
        Path file = partitioned("m0.arrow", new int[] {0, 1, 0}, new int[] {2, 3, 4});
        IpcFileLayout layout = IpcFileLayout.read(file.toString());
        long firstBytes = layout.blocks().get(0).getMetadataLength() + layout.blocks().get(0).getBodyLength();
        long lastBytes = layout.blocks().get(2).getMetadataLength() + layout.blocks().get(2).getBodyLength();
        assertThat(firstBytes).isPositive();
        assertThat(IpcPartitions.size(file.toString(), 0)).isEqualTo(new IpcPartitions.PartitionSize(6,
                firstBytes + lastBytes));
        assertThat(IpcPartitions.size(file.toString(), 1).rows()).isEqualTo(3);
        assertThat(IpcPartitions.size(file.toString(), 7)).isEqualTo(new IpcPartitions.PartitionSize(0, 0));
        Path plain = directory.resolve("plain.arrow");
        IpcWriter.write(List.of(BATCH), BATCH.schema(), plain, IpcCompression.ZSTD);
        assertThatThrownBy(() -> IpcPartitions.size(plain.toString(), 0)).isInstanceOf(FloeException.class)
                .hasMessageContaining("has no partition map");
    }

    @Test
    void aPartitionWithoutBatchesReadsAsNoRowsWithTheSchema() {
        Path file = partitioned("m0.arrow", new int[] {0}, new int[] {3});
        IpcTableSource empty = open("5", file);
        assertThat(empty.schema()).isEqualTo(BATCH.schema());
        assertThat(rowsRead(empty)).isZero();
        Path none = partitioned("none.arrow", new int[0], new int[0]);
        assertThat(rowsRead(open("0", none))).isZero();
    }

    @Test
    void theOptionOnAnUnpartitionedFileOrABadValueIsAClearError() {
        Path plain = directory.resolve("plain.arrow");
        IpcWriter.write(List.of(BATCH), BATCH.schema(), plain, IpcCompression.ZSTD);
        assertThatThrownBy(() -> open("0", plain).plan(ScanRequest.all()))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("plain.arrow has no partition map");
        Path file = partitioned("m0.arrow", new int[] {0}, new int[] {3});
        assertThatThrownBy(() -> open("-1", file)).isInstanceOf(FloeException.class)
                .hasMessageContaining("shuffle_partition must be a partition number from 0, got '-1'");
        assertThatThrownBy(() -> open("two", file)).isInstanceOf(FloeException.class)
                .hasMessageContaining("got 'two'");
    }

    @Test
    void aFooterListThatDoesNotMatchTheBatchesIsACorruptFile() {
        assertThatThrownBy(() -> IpcPartitions.decode("0,1", 3, "m.arrow"))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.CORRUPT_FILE))
                .hasMessageContaining("lists 2 batch partitions for 3 record batches");
        assertThatThrownBy(() -> IpcPartitions.decode("0,x,1", 3, "m.arrow"))
                .hasMessageContaining("lists the batch partition 'x'");
        assertThatThrownBy(() -> IpcPartitions.decode("0,-2,1", 3, "m.arrow"))
                .hasMessageContaining("negative batch partition -2");
        assertThat(IpcPartitions.decode("3,0,3", 3, "m.arrow")).containsExactly(3, 0, 3);
        assertThat(IpcPartitions.uniform(4, 3)).isEqualTo("4,4,4");
    }

    @Test
    void aWriterRefusesToMixPartitionedAndUnpartitionedBatches() {
        try (IpcWriter writer = IpcWriter.open(directory.resolve("plain.arrow"), BATCH.schema(),
                IpcCompression.LZ4)) {
            writer.write(BATCH);
            assertThatThrownBy(() -> writer.write(BATCH, 0)).isInstanceOf(FloeException.class)
                    .hasMessageContaining("unpartitioned");
        }
        try (IpcWriter writer = IpcWriter.openPartitioned(directory.resolve("partitioned.arrow"), BATCH.schema(),
                IpcCompression.LZ4)) {
            writer.write(BATCH, 1);
            assertThatThrownBy(() -> writer.write(BATCH)).isInstanceOf(FloeException.class)
                    .hasMessageContaining("needs each batch's partition");
            assertThatThrownBy(() -> writer.write(BATCH, -1)).isInstanceOf(FloeException.class);
        }
        assertThat(IpcFileLayout.read(directory.resolve("partitioned.arrow").toString()).partitions())
                .containsExactly(1);
    }
}
