package dev.floe;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.TableSources;
import java.util.List;
import java.util.Map;

/** Reads the first rows of a distributed query's result files into a {@link DataFrame}. */
final class ResultFiles {
    private ResultFiles() {
    }

    /** The first {@code rows} rows, reading the files with {@code storageOptions} (for {@code s3://} results). */
    static DataFrame head(dev.floe.cluster.QueryResult result, long rows, Map<String, String> storageOptions) {
        List<Batch> batches = result.head(rows, storageOptions);
        if (!batches.isEmpty()) {
            return DataFrame.fromBatches(batches.getFirst().schema(), batches);
        }
        return DataFrame.empty(schema(result.resultFiles(), result.fileType(), storageOptions));
    }

    private static Schema schema(List<String> files, FileFormat format, Map<String, String> storageOptions) {
        if (files.isEmpty()) {
            return Schema.EMPTY;
        }
        return TableSources.open(new ScanSource(format, files, storageOptions)).schema();
    }
}
