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

    @ParameterizedTest
    @EnumSource(IpcCompression.class)
    void largeCompressibleColumnsRoundTrip(IpcCompression compression) throws Exception {
        int rows = 200_000;
        long[] ids = new long[rows];
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i * 7L;
            names[i] = i % 13 == 0 ? null : "name-" + (i % 100);
        }
        dev.floe.core.types.Schema schema = dev.floe.core.types.Schema.of(
                dev.floe.core.types.Field.of("id", dev.floe.core.types.DataType.INT64),
                dev.floe.core.types.Field.of("name", dev.floe.core.types.DataType.STRING));
        Batch batch = new Batch(schema, List.of(dev.floe.core.vector.LongVector.of(
                dev.floe.core.types.DataType.INT64, ids), dev.floe.core.vector.BytesVector.ofStrings(names)));
        Path file = directory.resolve("large.arrow");
        IpcWriter.write(List.of(batch), schema, file, compression);
        long size = java.nio.file.Files.size(file);
        if (compression != IpcCompression.UNCOMPRESSED) {
            Path plain = directory.resolve("plain.arrow");
            IpcWriter.write(List.of(batch), schema, plain, IpcCompression.UNCOMPRESSED);
            org.assertj.core.api.Assertions.assertThat(size).isLessThan(java.nio.file.Files.size(plain) * 6 / 10);
        }
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
    void recordBatchesAreGroupedIntoTasks() {
        Batch batch = SampleBatches.allTypes();
        Path file = directory.resolve("batches.arrow");
        List<Batch> parts = List.of(batch.slice(0, 1), batch.slice(1, 1), batch.slice(2, 1), batch.slice(3, 2));
        IpcWriter.write(parts, batch.schema(), file, IpcCompression.ZSTD);
        IpcTableSource source = (IpcTableSource) IpcTableSource.open(new ScanSource(FileFormat.IPC,
                List.of(file.toString()), Map.of()));
        List<dev.floe.io.ScanTask> tasks = source.plan(1);
        org.assertj.core.api.Assertions.assertThat(tasks).hasSize(4);
        org.assertj.core.api.Assertions.assertThat(tasks.get(3).start()).isEqualTo(3);
        List<Batch> read = new java.util.ArrayList<>();
        for (dev.floe.io.ScanTask task : tasks) {
            try (dev.floe.io.BatchReader reader = source.open(task, ScanRequest.all())) {
                for (Batch next = reader.next(); next != null; next = reader.next()) {
                    read.add(next);
                }
            }
        }
        SampleBatches.assertSameRows(read, batch);
        org.assertj.core.api.Assertions.assertThat(source.plan(ScanRequest.all())).hasSize(1);
    }

    @Test
    void dictionaryColumnsDecodeInRangeTasks() {
        TableSource whole = IpcFixturesTest.open("ipc/types_uncompressed.arrow");
        IpcTableSource source = (IpcTableSource) whole;
        List<Batch> read = new java.util.ArrayList<>();
        for (dev.floe.io.ScanTask task : source.plan(1)) {
            try (dev.floe.io.BatchReader reader = source.open(task, new ScanRequest(List.of("cat", "row_id"), null,
                    -1, 100))) {
                for (Batch next = reader.next(); next != null; next = reader.next()) {
                    read.add(next);
                }
            }
        }
        List<Map<String, Object>> expected = dev.floe.io.testing.ExpectedRows.load("types");
        dev.floe.io.testing.ExpectedRows.assertMatches(read, expected, "cat by range");
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
