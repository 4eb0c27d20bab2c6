package dev.floe.io;

import dev.floe.io.predicate.ColumnPredicate;
import java.util.List;

/**
 * What a scan asks of a {@link TableSource}: the columns to produce ({@code null} for all, in schema order
 * otherwise in the given order), a predicate the source may use to skip data ({@code null} for none), and a
 * row limit ({@code -1} for none).
 *
 * <p>The predicate is a hint: a source prunes files, row groups and pages it proves cannot match and may drop
 * non-matching rows early, but the executor applies the exact filter itself, so a source that returns extra
 * rows is correct. A source never drops a row that matches.
 */
public record ScanRequest(List<String> columns, ColumnPredicate predicate, long rowLimit, int batchSize) {
    public static final int DEFAULT_BATCH_SIZE = 64 * 1024;

    public ScanRequest {
        columns = columns == null ? null : List.copyOf(columns);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
    }

    public static ScanRequest all() {
        return new ScanRequest(null, null, -1, DEFAULT_BATCH_SIZE);
    }
}
