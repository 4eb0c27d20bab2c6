package dev.floe.cluster.worker;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.parquet.write.ParquetWriteOptions;
import dev.floe.io.parquet.write.ParquetWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes a root-stage task's rows as one Parquet result file, atomically (temp file, then move). */
final class ResultWriter {
    private ResultWriter() {
    }

    static void write(Path file, Schema schema, List<Batch> batches) {
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
