package dev.floe;

import static dev.floe.Floe.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.sink.SinkWriters;
import dev.floe.io.FileFormat;
import dev.floe.io.TableSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scans and sinks through the format registries, with hand-written in-memory stand-ins for real files. */
class ScanAndSinkTest {
    private static final DataFrame TABLE = DataFrame.builder().column("id", List.of(1L, 2L, 3L))
            .column("name", List.of("a", "b", "c")).build();

    @Test
    void scansResolveTheirSchemaThroughTheRegisteredReader() {
        List<String> opened = new ArrayList<>();
        TableSources.register(FileFormat.IPC, source -> {
            opened.add(source.paths().getFirst());
            return new MemoryTableSource(source, TABLE);
        });
        LazyFrame scan = Floe.scanIpc("memory://table.arrow");
        assertThat(scan.collectSchema()).isEqualTo(TABLE.schema());
        assertThat(opened).contains("memory://table.arrow");
        DataFrame result = scan.filter(col("id").ge(2)).select("name").collect();
        assertThat(result.column("name").toList()).containsExactly("b", "c");
        assertThat(scan.explain()).startsWith("IPC SCAN [\"memory://table.arrow\"]");
    }

    @Test
    void sinksWriteTheQueryRowsWithTheirOptions() {
        List<String> paths = new ArrayList<>();
        List<Map<String, String>> options = new ArrayList<>();
        List<Batch> written = new ArrayList<>();
        Schema[] schema = new Schema[1];
        SinkWriters.register(FileFormat.IPC, (s, batches, path, opts) -> {
            schema[0] = s;
            written.addAll(batches);
            paths.add(path);
            options.add(opts);
        });
        TABLE.lazy().filter(col("id").ne(2)).sinkIpc("/tmp/out.arrow", Map.of("compression", "lz4"));
        assertThat(paths).containsExactly("/tmp/out.arrow");
        assertThat(options.getFirst()).containsEntry("compression", "lz4");
        DataFrame rows = DataFrame.fromBatches(schema[0], written);
        DataFrame.assertEquals(DataFrame.builder().column("id", List.of(1L, 3L)).column("name", List.of("a", "c"))
                .build(), rows);
        assertThat(Vectors.concatBatches(schema[0], written).rowCount()).isEqualTo(2);
    }
}
