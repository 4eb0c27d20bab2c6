package dev.floe.io.parquet;

/**
 * The rows of one row group that survive a pushed-down predicate, ascending: the other columns are decoded for
 * these rows only (see
 * {@link ParquetBatchReader}).
 */
record RowSelection(int[] rows, int count) {
    RowSelection {
        if (count < 0 || count > rows.length) {
            throw new IllegalArgumentException("selection of " + count + " rows in an array of " + rows.length);
        }
    }
}
