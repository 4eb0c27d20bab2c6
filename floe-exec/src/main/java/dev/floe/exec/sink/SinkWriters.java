package dev.floe.exec.sink;

import dev.floe.io.FileFormat;
import dev.floe.io.csv.CsvWriteOptions;
import dev.floe.io.csv.CsvWriter;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriter;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.parquet.write.ParquetDatasetWriter;
import dev.floe.io.parquet.write.ParquetSinkOptions;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.io.storage.LocalCopies;
import dev.floe.io.storage.ObjectStores;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The writer of each file format, for Sink roots. Adding a format adds a case here. Local paths are written
 * as files; {@code s3://} locations through the object store (one PUT, or a multipart upload for large
 * files), with the storage options ({@code aws_*}) taken from the sink's options.
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
                String directory = path.endsWith("/") ? path : path + "/";
                ParquetDatasetWriter.write(schema, batches, ParquetSinkOptions.partitionBy(options),
                        ParquetSinkOptions.files(options), Runtime.getRuntime().availableProcessors(),
                        (relative, fileSchema, parts) -> writeParquet(directory + relative, fileSchema, parts, parsed,
                                options));
            };
            case CSV -> (schema, batches, path, options) -> {
                if (ObjectStores.isRemote(path)) {
                    CsvWriter.write(batches, schema, new java.io.BufferedOutputStream(create(path, options), 1 << 16),
                            CsvWriteOptions.from(options));
                } else {
                    CsvWriter.write(batches, schema, Path.of(path), CsvWriteOptions.from(options));
                }
            };
            case IPC -> (schema, batches, path, options) -> {
                IpcCompression compression = IpcCompression.parse(options.get("compression"));
                if (ObjectStores.isRemote(path)) {
                    IpcWriter.write(batches, schema, create(path, options), compression);
                } else {
                    IpcWriter.write(batches, schema, Path.of(path), compression);
                }
            };
        };
    }

    private static void writeParquet(String path, Schema schema, List<Batch> batches, ParquetWriteOptions parsed,
            Map<String, String> options) {
        if (ObjectStores.isRemote(path)) {
            ParquetWriter.write(create(path, options), path, schema, batches.iterator(), parsed);
        } else {
            ParquetWriter.write(Path.of(path), schema, batches, parsed);
        }
    }

    private static OutputStream create(String location, Map<String, String> options) {
        LocalCopies.forget(location);
        return ObjectStores.forLocation(location, options).create(location);
    }
}
