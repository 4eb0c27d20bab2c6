package dev.floe.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.floe.cluster.plan.ScanTaskSelection;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vectors;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.TableOpener;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriter;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableCacheTest {
    private static final Schema SCHEMA = Schema.of(Field.of("x", DataType.INT64));

    @Test
    void anUnchangedFileIsOpenedOnceEvenWhenTasksSelectDifferentRowGroups(@TempDir Path directory) {
        Path file = directory.resolve("t.parquet");
        writeParquet(file, 0, 300);
        TableCache cache = new TableCache(TableOpener.FILES, 4);
        ScanSource whole = source(file, Map.of());
        TableSource first = cache.open(whole);
        TableSource again = cache.open(whole);
        TableSource clipped = cache.open(source(file, Map.of(ScanTaskSelection.OPTION, "0+1")));

        assertThat(again).isSameAs(first);
        assertThat(clipped).isSameAs(first);
        assertThat(cache.counts()).containsExactly(2, 1);
        assertThat(first.statistics().rows()).isEqualTo(300);
    }

    @Test
    void aRewrittenFileIsOpenedAgain(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("t.parquet");
        writeParquet(file, 0, 300);
        TableCache cache = new TableCache(TableOpener.FILES, 4);
        TableSource before = cache.open(source(file, Map.of()));

        writeParquet(file, 0, 500);
        TableSource longer = cache.open(source(file, Map.of()));
        assertThat(longer).isNotSameAs(before);
        assertThat(longer.statistics().rows()).isEqualTo(500);

        // Same schema and row count, so most likely the same size: the replaced file is still a new version.
        Path replacement = directory.resolve("replacement.parquet");
        writeParquet(replacement, 1_000, 500);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        TableSource replaced = cache.open(source(file, Map.of()));
        assertThat(replaced).isNotSameAs(longer);
        assertThat(cache.counts()).containsExactly(0, 3);
    }

    @Test
    void aMissingFileFailsExactlyAsAnUncachedOpen(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("t.parquet");
        writeParquet(file, 0, 10);
        TableCache cache = new TableCache(TableOpener.FILES, 4);
        cache.open(source(file, Map.of()));
        Files.delete(file);

        FloeException cached = catchThrowableOfType(FloeException.class, () -> cache.open(source(file, Map.of())));
        FloeException uncached = catchThrowableOfType(FloeException.class,
                () -> TableSources.open(source(file, Map.of())));
        assertThat(cached.code()).isEqualTo(uncached.code());
        assertThat(cached.getMessage()).isEqualTo(uncached.getMessage());
    }

    @Test
    void theOldestTableLeavesAFullCache(@TempDir Path directory) {
        TableCache cache = new TableCache(TableOpener.FILES, 2);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(directory.resolve("t" + i + ".parquet"));
            writeParquet(files.get(i), 0, 10);
        }
        TableSource first = cache.open(source(files.get(0), Map.of()));
        cache.open(source(files.get(1), Map.of()));
        cache.open(source(files.get(2), Map.of()));

        assertThat(cache.open(source(files.get(0), Map.of()))).isNotSameAs(first);
        assertThat(cache.counts()).containsExactly(0, 4);
    }

    @Test
    void otherFormatsAreOpenedEveryTime(@TempDir Path directory) {
        Path file = directory.resolve("t.arrow");
        IpcWriter.write(List.of(batch(0, 10)), SCHEMA, file, IpcCompression.UNCOMPRESSED);
        TableCache cache = new TableCache(TableOpener.FILES, 4);
        ScanSource ipc = new ScanSource(FileFormat.IPC, List.of(file.toString()), Map.of());

        assertThat(cache.open(ipc)).isNotSameAs(cache.open(ipc));
        assertThat(cache.counts()).containsExactly(0, 0);
    }

    private static ScanSource source(Path file, Map<String, String> options) {
        return new ScanSource(FileFormat.PARQUET, List.of(file.toString()), options);
    }

    private static void writeParquet(Path file, long first, int rows) {
        ParquetWriter.write(file, SCHEMA, List.of(batch(first, rows)),
                ParquetWriteOptions.defaults().withRowGroupSize(100));
    }

    private static Batch batch(long first, int rows) {
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < rows; i++) {
            values.add(first + i);
        }
        return new Batch(SCHEMA, List.of(Vectors.fromObjects(DataType.INT64, values)));
    }
}
