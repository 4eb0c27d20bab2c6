package dev.floe.exec.sink;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.FileFormat;
import dev.floe.io.csv.CsvWriteOptions;
import dev.floe.io.csv.CsvWriter;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriter;
import dev.floe.io.parquet.write.ParquetDatasetWriter;
import dev.floe.io.parquet.write.ParquetSinkOptions;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import java.io.BufferedOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The writer of each file format, for Sink roots. Adding a format adds a case here. Local paths are written
 * as files; {@code s3://} locations through the object store (one PUT, or a multipart upload for large
 * files), with the storage options ({@code aws_*}) taken from the sink's options. One file is written as the
 * batches arrive (Parquet flushes each row group as it fills); a Parquet directory ({@code partition_by},
 * {@code files}) shards the whole result, so it gathers the batches first.
 */
public final class SinkWriters {
    private SinkWriters() {
    }

    public static SinkWriter forFormat(FileFormat format) {
        return switch (format) {
            case PARQUET -> (schema, batches, path, options) -> {
                ParquetWriteOptions parsed = ParquetSinkOptions.parse(options);
                if (!ParquetSinkOptions.writesDirectory(options)) {
                    writeParquet(path, schema, batches, parsed, options);
                    return;
                }
                List<Batch> all = new ArrayList<>();
                batches.forEachRemaining(all::add);
                String directory = path.endsWith("/") ? path : path + "/";
                ParquetDatasetWriter.write(schema, all, ParquetSinkOptions.partitionBy(options),
                        ParquetSinkOptions.files(options), Runtime.getRuntime().availableProcessors(),
                        (relative, fileSchema, parts) -> writeParquet(directory + relative, fileSchema,
                                parts.iterator(), parsed, options));
            };
            case CSV -> (schema, batches, path, options) -> {
                CsvWriteOptions parsed = CsvWriteOptions.from(options);
                SinkOutput.write(batches, path, options, file -> CsvWriter.open(file, schema, parsed),
                        stream -> CsvWriter.open(new BufferedOutputStream(stream, 1 << 16), schema, parsed),
                        CsvWriter::write);
            };
            case IPC -> (schema, batches, path, options) -> {
                IpcCompression compression = IpcCompression.parse(options.get("compression"));
                SinkOutput.write(batches, path, options, file -> IpcWriter.open(file, schema, compression),
                        stream -> IpcWriter.open(stream, schema, compression), IpcWriter::write);
            };
        };
    }

    private static void writeParquet(String path, Schema schema, Iterator<Batch> batches, ParquetWriteOptions parsed,
            Map<String, String> options) {
        SinkOutput.write(batches, path, options, file -> ParquetWriter.open(file, schema, parsed),
                stream -> ParquetWriter.open(stream, path, schema, parsed), ParquetWriter::writeBatch);
    }
}
