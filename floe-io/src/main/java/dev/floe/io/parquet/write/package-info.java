/**
 * Floe's Parquet writer: {@link dev.floe.io.parquet.write.ParquetWriter} for one file (streaming or all at once),
 * {@link dev.floe.io.parquet.write.ParquetDatasetWriter} for directories and hive partitions, configured by
 * {@link dev.floe.io.parquet.write.ParquetWriteOptions}.
 */
package dev.floe.io.parquet.write;
