package dev.floe.io.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.core.types.TimeUnit;
import dev.floe.core.vector.Batch;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.testing.ExpectedRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpcFixturesTest {
    static List<Batch> readAll(TableSource source, ScanRequest request) {
        List<Batch> batches = new ArrayList<>();
        for (ScanTask task : source.plan(request)) {
            try (BatchReader reader = source.open(task, request)) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    batches.add(batch);
                }
            }
        }
        return batches;
    }

    static TableSource open(String fixture) {
        return IpcTableSource.open(new ScanSource(FileFormat.IPC,
                List.of(ExpectedRows.fixture(fixture).toString()), Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"types_uncompressed.arrow", "types_lz4.arrow", "types_zstd.arrow",
            "types_compat_oldest.arrow", "types_uncompressed.arrows", "types_lz4.arrows", "types_zstd.arrows"})
    void typesFilesReadAsExpected(String file) {
        TableSource source = open("ipc/" + file);
        Schema schema = source.schema();
        assertThat(schema.field("u64").type()).isEqualTo(DataType.UINT64);
        assertThat(schema.field("cat").type()).isEqualTo(DataType.STRING);
        assertThat(schema.field("bin").type()).isEqualTo(DataType.BINARY);
        assertThat(schema.field("dt_ams").type()).isEqualTo(DataType.datetime(TimeUnit.MILLISECONDS, "Europe/Amsterdam"));
        assertThat(schema.field("dec38_10").type()).isEqualTo(DataType.decimal(38, 10));
        ExpectedRows.assertMatches(readAll(source, ScanRequest.all()), ExpectedRows.load("types"), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nested_uncompressed.arrow"})
    void nestedFileReadsAsExpected(String file) {
        TableSource source = open("ipc/" + file);
        ExpectedRows.assertMatches(readAll(source, ScanRequest.all()), ExpectedRows.load("nested"), file);
    }
}
