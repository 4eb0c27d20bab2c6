package dev.floe.exec;

import static dev.floe.exec.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.exec.sink.SinkWriters;
import dev.floe.io.FileFormat;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkTest {
    @Test
    void aSinkRootHandsTheOrderedRowsToTheFormatsWriter() {
        List<Object> written = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        SinkWriters.register(FileFormat.CSV, (Schema schema, List<Batch> batches, String path, Map<String, String> options) -> {
            paths.add(path + " " + options);
            for (Batch batch : batches) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    written.add(batch.column(0).getObject(r));
                }
            }
        });
        InMemory frame = frame(column("a", DataType.INT64, 1L, 2L, 3L, 4L, 5L));
        QueryOutput output = new LocalExecutor(new ExecutionOptions(2, 2))
                .execute(new Sink(frame, FileFormat.CSV, "/tmp/out.csv", Map.of("separator", ";")));
        assertThat(output.rowCount()).isZero();
        assertThat(written).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(paths).containsExactly("/tmp/out.csv {separator=;}");
    }
}
