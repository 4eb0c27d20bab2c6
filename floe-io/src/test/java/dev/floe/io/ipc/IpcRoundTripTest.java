package dev.floe.io.ipc;

import dev.floe.core.vector.Batch;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSource;
import dev.floe.io.testing.SampleBatches;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IpcRoundTripTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(IpcCompression.class)
    void everyTypeSurvivesAnIpcFile(IpcCompression compression) {
        Batch batch = SampleBatches.allTypes();
        Path file = directory.resolve("data.arrow");
        IpcWriter.write(List.of(batch.slice(0, 2), batch.slice(2, 3)), batch.schema(), file, compression);
        TableSource source = IpcTableSource.open(new ScanSource(FileFormat.IPC, List.of(file.toString()), Map.of()));
        SampleBatches.assertSameRows(IpcFixturesTest.readAll(source, ScanRequest.all()), batch);
    }

    @Test
    void conversionToArrowAndBackKeepsEveryValue() {
        Batch batch = SampleBatches.allTypes();
        try (BufferAllocator allocator = new RootAllocator()) {
            for (Batch part : List.of(batch, batch.slice(1, 3), batch.slice(0, 0))) {
                try (VectorSchemaRoot root = ArrowConversion.toArrow(part, allocator)) {
                    SampleBatches.assertSameRows(List.of(ArrowConversion.fromArrow(root)), part);
                }
            }
        }
    }

    @Test
    void loadingIntoAReusedRootReplacesItsRows() {
        Batch batch = SampleBatches.allTypes();
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(batch.schema()), allocator)) {
            for (Batch part : List.of(batch.slice(0, 2), batch.slice(2, 3), batch)) {
                ArrowConversion.loadInto(part, root, allocator);
                SampleBatches.assertSameRows(List.of(ArrowConversion.fromArrow(root)), part);
            }
        }
    }

    @Test
    void requestedColumnsAndRowLimit() {
        Batch batch = SampleBatches.allTypes();
        Path file = directory.resolve("data.arrow");
        IpcWriter.write(List.of(batch), batch.schema(), file, IpcCompression.UNCOMPRESSED);
        TableSource source = IpcTableSource.open(new ScanSource(FileFormat.IPC, List.of(file.toString()),
                Map.of("include_file_paths", "path")));
        ScanRequest request = new ScanRequest(List.of("path", "s", "i64"), null, 2, 1);
        List<Batch> batches = IpcFixturesTest.readAll(source, request);
        org.assertj.core.api.Assertions.assertThat(batches).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(batches.getFirst().schema().names())
                .containsExactly("path", "s", "i64");
        org.assertj.core.api.Assertions.assertThat(batches.get(1).column("path").getObject(0))
                .isEqualTo(file.toString());
        org.assertj.core.api.Assertions.assertThat(batches.get(1).column("i64").getObject(0))
                .isEqualTo(Long.MAX_VALUE);
    }
}
