package dev.floe.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.FloeException;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Randomly damaged files either read or fail with a FloeException: never another exception, hang or OOM. */
class ParquetFuzzTest {
    @Test
    void randomDamageOnlyEverGivesFloeExceptions(@TempDir Path directory) throws Exception {
        List<String> failures = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(20_261_121);
        for (String fixture : List.of("parquet/types/polars_snappy.parquet", "parquet/types/duckdb_zstd_v2.parquet",
                "parquet/nested/duckdb_snappy.parquet", "parquet/nested/polars_uncompressed.parquet")) {
            byte[] original = Files.readAllBytes(Fixtures.path(fixture));
            for (int round = 0; round < 40; round++) {
                byte[] damaged = original.clone();
                int flips = 1 + random.nextInt(20);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(damaged.length);
                    damaged[at] = (byte) random.nextInt(256);
                }
                Path file = directory.resolve("fuzz_" + round + ".parquet");
                Files.write(file, damaged);
                try {
                    ParquetTableSource table = ParquetTableSource.open(new ScanSource(FileFormat.PARQUET,
                            List.of(file.toString()), Map.of()));
                    Fixtures.readAll(table, ScanRequest.all());
                } catch (FloeException expected) {
                    // a clean error
                } catch (RuntimeException | Error e) {
                    failures.add(fixture + " round " + round + ": " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
