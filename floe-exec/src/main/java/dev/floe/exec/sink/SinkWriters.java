package dev.floe.exec.sink;

import dev.floe.io.FileFormat;
import dev.floe.io.csv.CsvWriteOptions;
import dev.floe.io.csv.CsvWriter;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriter;
import dev.floe.io.parquet.write.ParquetSinkOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import java.nio.file.Path;

/** The writer of each file format, for Sink roots. Adding a format adds a case here. */
public final class SinkWriters {
    private SinkWriters() {
    }

    public static SinkWriter forFormat(FileFormat format) {
        return switch (format) {
            case PARQUET -> (schema, batches, path, options) ->
                    ParquetWriter.write(Path.of(path), schema, batches, ParquetSinkOptions.parse(options));
            case CSV -> (schema, batches, path, options) ->
                    CsvWriter.write(batches, schema, Path.of(path), CsvWriteOptions.from(options));
            case IPC -> (schema, batches, path, options) ->
                    IpcWriter.write(batches, schema, Path.of(path), IpcCompression.parse(options.get("compression")));
        };
    }
}
