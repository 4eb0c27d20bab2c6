package dev.floe;

import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.storage.StorageOptions;
import dev.floe.plan.dsl.DslPlan;
import java.util.List;
import java.util.Map;

/**
 * A finished remote query, as Polars Cloud's {@code QueryResult}: the first rows ({@code head}), the total row
 * count, how many stages ran, finished and failed, where the result lives and in which file type, and
 * {@link #lazy()} to keep querying it (with the storage options that reach the result, for an {@code s3://}
 * location). Results of queries without a sink are temporary files (see
 * {@link ComputeContext.Builder#resultRetention}).
 */
public record QueryResult(long queryId, DataFrame head, long totalRows, int totalStages, int finishedStages,
        int failedStages, List<String> resultLocations, FileFormat fileType, String stageGraph,
        Map<String, String> storageOptions) {
    public QueryResult {
        resultLocations = List.copyOf(resultLocations);
        storageOptions = Map.copyOf(storageOptions);
    }

    @Override
    public String toString() {
        return "QueryResult[queryId=" + queryId + ", totalRows=" + totalRows + ", stages=" + finishedStages + "/"
                + totalStages + " finished, " + failedStages + " failed, resultLocations=" + resultLocations
                + ", fileType=" + fileType + ", storageOptions=" + StorageOptions.redact(storageOptions) + "]";
    }

    /** A lazy frame scanning the result files (or the sink's output); over {@code head} when nothing was written. */
    public LazyFrame lazy() {
        if (resultLocations.isEmpty()) {
            return head.lazy();
        }
        return new LazyFrame(new DslPlan.Scan(new ScanSource(fileType, resultLocations, storageOptions)));
    }
}
