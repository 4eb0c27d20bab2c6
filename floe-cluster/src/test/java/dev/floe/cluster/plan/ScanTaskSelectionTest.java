package dev.floe.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vectors;
import dev.floe.exec.ExecutionOptions;
import dev.floe.exec.LocalExecutor;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableOpener;
import dev.floe.io.TableSources;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.plan.logical.Scan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanTaskSelectionTest {
    @Test
    void narrowingRecordsTheRowGroupRangesOfEachFile() {
        Scan scan = Scan.of(new ScanSource(FileFormat.PARQUET, List.of("dir"), Map.of()), TestPlans.KEY_VALUE);
        Scan narrowed = ScanTaskSelection.narrow(scan, List.of(new ScanTask("dir/a.parquet", 0, 2, 10, 10, Map.of()),
                new ScanTask("dir/a.parquet", 5, 1, 10, 10, Map.of()),
                new ScanTask("dir/b.parquet", 3, 4, 10, 10, Map.of())));

        assertThat(narrowed.source().paths()).containsExactly("dir/a.parquet", "dir/b.parquet");
        assertThat(narrowed.source().options()).containsEntry(ScanTaskSelection.OPTION, "0+2,5+1;3+4");
    }

    @Test
    void formatsThatCannotSplitFilesOnlyNarrowThePaths() {
        Scan scan = Scan.of(new ScanSource(FileFormat.CSV, List.of("dir"), Map.of()), TestPlans.KEY_VALUE);
        Scan narrowed = ScanTaskSelection.narrow(scan, List.of(new ScanTask("dir/a.csv", 0, 100, 10, 10, Map.of())));

        assertThat(narrowed.source().paths()).containsExactly("dir/a.csv");
        assertThat(narrowed.source().options()).doesNotContainKey(ScanTaskSelection.OPTION);
    }

    @Test
    void tasksAreClippedToTheSelectedRanges() {
        List<ScanTask> planned = List.of(new ScanTask("a", 0, 4, 400, 4000, Map.of()),
                new ScanTask("a", 4, 4, 400, 4000, Map.of()), new ScanTask("b", 0, 2, 20, 200, Map.of()));
        List<ScanTask> clipped = ScanTaskSelection.clip(planned,
                ScanTaskSelection.parse(List.of("a"), "2+3,7+1"));

        assertThat(clipped).extracting(ScanTask::describe).containsExactly("a[2+2]", "a[4+1]", "a[7+1]");
        assertThat(clipped.getFirst().estimatedRows()).isEqualTo(200);
    }

    @Test
    void partitionsOfOneFileReadEachRowExactlyOnce(@TempDir Path directory) {
        Schema schema = Schema.of(Field.of("x", DataType.INT64));
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
            List<Long> values = new ArrayList<>();
            for (long i = 0; i < 100; i++) {
                values.add(b * 100 + i);
            }
            batches.add(new Batch(schema, List.of(Vectors.fromObjects(DataType.INT64, values))));
        }
        Path file = directory.resolve("six-groups.parquet");
        ParquetWriter.write(file, schema, batches, ParquetWriteOptions.defaults().withRowGroupSize(100));
        Scan scan = Scan.of(new ScanSource(FileFormat.PARQUET, List.of(file.toString()), Map.of()), schema);
        List<ScanTask> tasks = ScanSplitter.fromTableSources().tasks(scan);
        List<ScanTask> groups = new ArrayList<>();
        for (ScanTask task : tasks) {
            for (long g = task.start(); g < task.start() + task.length(); g++) {
                groups.add(new ScanTask(task.path(), g, 1, 100, 100, Map.of()));
            }
        }
        assertThat(groups).hasSize(6);

        TableOpener opener = ScanTaskSelection.opener(TableOpener.FILES);
        List<Long> seen = new ArrayList<>();
        for (List<ScanTask> share : List.of(groups.subList(0, 1), groups.subList(1, 4), groups.subList(4, 6))) {
            Scan narrowed = ScanTaskSelection.narrow(scan, share);
            assertThat(opener.open(narrowed.source()).statistics().rows()).isEqualTo(100L * share.size());
            for (Batch batch : new LocalExecutor(ExecutionOptions.defaults(), opener).execute(narrowed).batches()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    seen.add(((LongVector) batch.column(0)).get(r));
                }
            }
        }
        assertThat(seen).hasSize(600).doesNotHaveDuplicates();
        assertThat(TableSources.open(scan.source()).statistics().rows()).isEqualTo(600);
    }
}
