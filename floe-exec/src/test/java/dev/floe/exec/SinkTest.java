package dev.floe.exec;

import static dev.floe.exec.TestPlans.column;
import static dev.floe.exec.TestPlans.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSources;
import dev.floe.plan.logical.InMemory;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.logical.Sink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkTest {
    @TempDir
    Path directory;

    @Test
    void aSinkRootWritesTheOrderedRowsWithTheFormatsWriter() throws IOException {
        InMemory frame = frame(column("a", DataType.INT64, 1L, 2L, 3L, 4L, 5L));
        Path csv = directory.resolve("out.csv");
        QueryOutput output = new LocalExecutor(new ExecutionOptions(2, 2))
                .execute(new Sink(frame, FileFormat.CSV, csv.toString(), Map.of("separator", ";")));
        assertThat(output.rowCount()).isZero();
        assertThat(Files.readAllLines(csv)).containsExactly("a", "1", "2", "3", "4", "5");
    }

    @Test
    void everyFormatReadsBackWhatItsSinkWrote() {
        InMemory frame = frame(column("a", DataType.INT64, 1L, null, 3L), column("s", DataType.STRING, "x", "y", null));
        for (FileFormat format : FileFormat.values()) {
            Path file = directory.resolve("out." + format.extension());
            new LocalExecutor(new ExecutionOptions(1, 2)).execute(new Sink(frame, format, file.toString(), Map.of()));
            ScanSource source = new ScanSource(format, List.of(file.toString()), Map.of());
            Scan scan = Scan.of(source, TableSources.open(source).schema());
            assertThat(TestPlans.rows(scan)).as(format.toString()).containsExactly(
                    TestPlans.row(1L, "x"), TestPlans.row(null, "y"), TestPlans.row(3L, null));
        }
    }
}
