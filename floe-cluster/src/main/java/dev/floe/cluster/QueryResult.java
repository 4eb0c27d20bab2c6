package dev.floe.cluster;

import dev.floe.cluster.protocol.QueryInfo;
import dev.floe.core.vector.Batch;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finished distributed query: row and stage counts, the result files (Parquet)
 * and their rows on demand.
 */
public record QueryResult(long queryId, long totalRows, int totalStages, int finishedStages, int failedStages,
        List<String> resultFiles, FileFormat fileType, String explain) {
    public QueryResult {
        resultFiles = List.copyOf(resultFiles);
    }

    QueryResult(QueryInfo info) {
        this(info.queryId(), info.totalRows(), info.totalStages(), info.finishedStages(), info.failedStages(),
                info.resultFiles(), FileFormat.PARQUET, info.explain());
    }

    /** Every result row, read from the result files (the files must be readable from this machine). */
    public List<Batch> batches() {
        return head(Long.MAX_VALUE);
    }

    /** The first {@code rows} rows, in result file order. */
    public List<Batch> head(long rows) {
        return head(rows, Map.of());
    }

    /** The first {@code rows} rows, reading the files with {@code storageOptions} (for {@code s3://} results). */
    public List<Batch> head(long rows, Map<String, String> storageOptions) {
        List<Batch> batches = new ArrayList<>();
        if (resultFiles.isEmpty()) {
            return batches;
        }
        TableSource source = TableSources.open(new ScanSource(fileType, resultFiles, storageOptions));
        long remaining = rows;
        for (ScanTask task : source.plan(ScanRequest.all())) {
            try (BatchReader reader = source.open(task, ScanRequest.all())) {
                for (Batch batch = reader.next(); batch != null && remaining > 0; batch = reader.next()) {
                    Batch kept = batch.rowCount() > remaining ? batch.slice(0, (int) remaining) : batch;
                    batches.add(kept);
                    remaining -= kept.rowCount();
                }
            }
            if (remaining <= 0) {
                break;
            }
        }
        return batches;
    }
}
