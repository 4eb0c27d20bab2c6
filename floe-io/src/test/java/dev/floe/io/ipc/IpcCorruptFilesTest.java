package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSource;
import dev.floe.io.testing.ExpectedRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpcCorruptFilesTest {
    @TempDir
    Path directory;

    private void assertCorrupt(Path file) {
        assertThatThrownBy(() -> {
            TableSource source = IpcTableSource.open(new ScanSource(FileFormat.IPC, List.of(file.toString()),
                    Map.of()));
            IpcFixturesTest.readAll(source, ScanRequest.all());
        }).isInstanceOfSatisfying(FloeException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_FILE);
            assertThat(e.getMessage()).contains(file.toString());
        });
    }

    @Test
    void textIsNotAnIpcFile() throws Exception {
        Path file = directory.resolve("text.arrow");
        Files.writeString(file, "this is not arrow at all, just some words\n");
        assertCorrupt(file);
    }

    @Test
    void truncatedFilesAreCleanErrors() throws Exception {
        byte[] bytes = Files.readAllBytes(ExpectedRows.fixture("ipc/types_zstd.arrow"));
        for (int length : new int[] {10, bytes.length / 2, bytes.length - 20}) {
            Path file = directory.resolve("truncated_" + length + ".arrow");
            Files.write(file, Arrays.copyOf(bytes, length));
            assertCorrupt(file);
        }
        byte[] stream = Files.readAllBytes(ExpectedRows.fixture("ipc/types_lz4.arrows"));
        Path file = directory.resolve("truncated.arrows");
        Files.write(file, Arrays.copyOf(stream, stream.length / 2));
        assertCorrupt(file);
    }

    @Test
    void missingFileIsNotFound() {
        assertThatThrownBy(() -> IpcTableSource.open(new ScanSource(FileFormat.IPC,
                List.of(directory.resolve("absent.arrow").toString()), Map.of())))
                .isInstanceOfSatisfying(FloeException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.FILE_NOT_FOUND));
    }

    @Test
    void damagedCompressedBodiesFailCleanly() throws Exception {
        for (String fixture : List.of("ipc/types_lz4.arrows", "ipc/types_zstd.arrows", "ipc/types_lz4.arrow")) {
            byte[] bytes = Files.readAllBytes(ExpectedRows.fixture(fixture));
            java.util.Random random = new java.util.Random(42);
            for (int attempt = 0; attempt < 12; attempt++) {
                byte[] damaged = bytes.clone();
                int at = 2_000 + random.nextInt(bytes.length - 4_000);
                for (int i = 0; i < 16; i++) {
                    damaged[at + i] ^= (byte) (1 + random.nextInt(255));
                }
                Path file = directory.resolve("damaged_" + attempt + "_" + Path.of(fixture).getFileName());
                Files.write(file, damaged);
                try {
                    TableSource source = IpcTableSource.open(new ScanSource(FileFormat.IPC, List.of(file.toString()),
                            Map.of()));
                    IpcFixturesTest.readAll(source, ScanRequest.all());
                } catch (FloeException e) {
                    assertThat(e.getMessage()).contains(file.toString());
                }
            }
        }
    }
}
