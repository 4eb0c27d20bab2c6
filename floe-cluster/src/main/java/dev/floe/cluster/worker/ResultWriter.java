package dev.floe.cluster.worker;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import dev.floe.io.storage.LocalCopies;
import dev.floe.io.storage.ObjectStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a root-stage task's rows as one Parquet result file, atomically: a local file through a temporary file
 * and a move, an {@code s3://} object by one upload that only becomes visible when complete.
 */
final class ResultWriter {
    private ResultWriter() {
    }

    /** Writes {@code name} under {@code directory} and returns the written file's location. */
    static String write(String directory, Map<String, String> storageOptions, String name, Schema schema,
            Iterator<Batch> batches) {
        if (ObjectStores.isRemote(directory)) {
            String location = directory + "/" + name;
            LocalCopies.forget(location);
            ParquetWriter.write(ObjectStores.forLocation(location, storageOptions).create(location), location, schema,
                    batches, ParquetWriteOptions.defaults());
            return location;
        }
        Path file = Path.of(directory).resolve(name);
        write(file, schema, batches);
        return file.toString();
    }

    static void write(Path file, Schema schema, Iterator<Batch> batches) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            ParquetWriter.write(temporary, schema, batches, ParquetWriteOptions.defaults());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write result file " + file + ": " + e.getMessage(), e);
        }
    }
}
