package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.testing.ExpectedRows;
import dev.floe.io.testing.SampleBatches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpcFileLayoutTest {
    @TempDir
    Path directory;

    private Path write(String name, List<Batch> batches) {
        Path file = directory.resolve(name);
        IpcWriter.write(batches, batches.getFirst().schema(), file, IpcCompression.ZSTD);
        return file;
    }

    private static TableSource open(Path... files) {
        return IpcTableSource.open(new ScanSource(FileFormat.IPC,
                Arrays.stream(files).map(Path::toString).toList(), Map.of()));
    }

    @Test
    void fileFormatLayoutHasTheRowsOfEveryBatch() {
        Batch batch = SampleBatches.allTypes();
        Path file = write("three.arrow", List.of(batch.slice(0, 2), batch.slice(2, 3), batch.slice(0, 0)));
        IpcFileLayout layout = IpcFileLayout.read(file.toString());
        assertThat(layout.known()).isTrue();
        assertThat(layout.blocks()).hasSize(3);
        assertThat(layout.rows()).containsExactly(2, 3, 0);
        assertThat(layout.totalRows()).isEqualTo(5);
    }

    @Test
    void statisticsCountTheRowsOfEveryFile() {
        Batch batch = SampleBatches.allTypes();
        Path first = write("a.arrow", List.of(batch.slice(0, 2), batch.slice(2, 3)));
        Path second = write("b.arrow", List.of(batch.slice(1, 4)));
        assertThat(open(first, second).statistics().rows()).isEqualTo(9);
        assertThat(open(second).statistics().rows()).isEqualTo(4);
    }

    @Test
    void tasksCarryTheirExactRows() {
        Batch batch = SampleBatches.allTypes();
        Path file = write("tasks.arrow", List.of(batch.slice(0, 2), batch.slice(2, 3), batch.slice(0, 1)));
        IpcTableSource source = (IpcTableSource) open(file);
        assertThat(source.plan(1).stream().mapToLong(ScanTask::estimatedRows).toArray()).containsExactly(2, 3, 1);
        assertThat(source.plan(Long.MAX_VALUE).stream().mapToLong(ScanTask::estimatedRows).toArray()).containsExactly(6);
    }

    @Test
    void streamFormatRowsAreUnknown() {
        Path stream = ExpectedRows.fixture("ipc/types_zstd.arrows");
        assertThat(IpcFileLayout.read(stream.toString()).known()).isFalse();
        assertThat(open(stream).statistics().rows()).isEqualTo(-1);
        Batch batch = SampleBatches.allTypes();
        Path file = write("mixed.arrow", List.of(batch));
        assertThat(open(file, stream).statistics().rows()).isEqualTo(-1);
    }

    @Test
    void aTruncatedFooterIsACorruptFile() throws Exception {
        Batch batch = SampleBatches.allTypes();
        Path file = write("whole.arrow", List.of(batch));
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = directory.resolve("truncated.arrow");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 12));
        assertThatThrownBy(() -> IpcFileLayout.read(truncated.toString()))
                .isInstanceOfSatisfying(FloeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
                    assertThat(e.getMessage()).contains(truncated.toString());
                });
    }

    @Test
    void aMissingFileIsNotFound() {
        String missing = directory.resolve("missing.arrow").toString();
        assertThatThrownBy(() -> IpcFileLayout.read(missing))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.FILE_NOT_FOUND));
    }
}
