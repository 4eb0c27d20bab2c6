package dev.floe.io.parquet;

/**
 * What statistics say of a column in a row group or partition: min and max as comparable keys in
 * {@link StatisticsValues}' domain ({@code null} when unknown), the null count ({@code -1} when unknown) and
 * the row count.
 */
record ValueRange(Comparable<Object> min, Comparable<Object> max, long nullCount, long rows) {
    boolean allNull() {
        return nullCount >= 0 && nullCount == rows;
    }

    boolean hasBounds() {
        return min != null && max != null;
    }
}
