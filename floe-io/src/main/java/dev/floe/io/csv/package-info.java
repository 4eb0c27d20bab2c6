/**
 * CSV files: {@link dev.floe.io.csv.CsvTableSource#open} reads them (options in {@link dev.floe.io.csv.CsvOptions},
 * column types in {@link dev.floe.io.csv.CsvTypeNames}), {@link dev.floe.io.csv.CsvWriter} writes batches, and
 * {@link dev.floe.io.csv.CsvFormat#register} makes {@code TableSources.open} find the reader.
 */
package dev.floe.io.csv;
