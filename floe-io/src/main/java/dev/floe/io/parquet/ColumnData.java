package dev.floe.io.parquet;

import dev.floe.io.parquet.encoding.ValueBuffer;

/**
 * One decoded column chunk: its level entries ({@code definition}/{@code repetition} are {@code null} when the
 * column's maximum level is 0) and its non-null values, densely.
 */
record ColumnData(int[] definition, int[] repetition, int levelCount, ValueBuffer values) {
}
