package dev.floe.io;

import dev.floe.core.types.Schema;
import java.util.List;
import java.util.Optional;

/**
 * A table stored in files of one format: its schema (file columns, then hive partition columns, then the
 * file path column when asked for), how to cut it into {@link ScanTask}s, and how to read one task.
 * Opening a source reads metadata (footers, headers) once; planning and reading reuse it.
 */
public interface TableSource {
    ScanSource source();

    Schema schema();

    /** The tasks to read after pruning by the request's predicate, in file order. */
    List<ScanTask> plan(ScanRequest request);

    /** Reads one task's rows as batches of the request's columns. */
    BatchReader open(ScanTask task, ScanRequest request);

    /** Sizes for the planner: total rows and bytes before any pruning ({@code -1} when unknown). */
    SourceStatistics statistics();

    /**
     * The bounds of a numeric or date column over every file, when the format's statistics record them for all
     * of its data; empty otherwise (the default: formats without statistics).
     */
    default Optional<ColumnBounds> columnBounds(String column) {
        return Optional.empty();
    }

    /**
     * Every row group's statistics of an integer or date column, in file order, when the format records per-group
     * statistics (Parquet); empty otherwise (the default) or when the column is of another type.
     */
    default Optional<List<RowGroupBounds>> rowGroupBounds(String column) {
        return Optional.empty();
    }
}
