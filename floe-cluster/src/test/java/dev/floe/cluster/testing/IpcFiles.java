package dev.floe.cluster.testing;

import dev.floe.core.vector.Batch;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import dev.floe.io.TableSources;
import dev.floe.io.ipc.ArrowConversion;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcPartitions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * Reads a shuffle file (Arrow IPC, any of the shuffle codecs) back into batches for assertions: whole, or one
 * partition of a partitioned file through the IPC scan a reduce task uses.
 */
public final class IpcFiles {
    private IpcFiles() {
    }

    public static List<Batch> read(Path file) {
        List<Batch> batches = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                ArrowFileReader reader = new ArrowFileReader(channel, allocator, IpcCompression.codecs())) {
            while (reader.loadNextBatch()) {
                batches.add(ArrowConversion.fromArrow(reader.getVectorSchemaRoot()));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return batches;
    }

    /** The batches of {@code partition} in the partitioned file {@code file}, as a reduce task's scan reads them. */
    public static List<Batch> read(Path file, int partition) {
        TableSource source = TableSources.open(new ScanSource(FileFormat.IPC, List.of(file.toString()),
                Map.of(IpcPartitions.OPTION, Integer.toString(partition))));
        List<Batch> batches = new ArrayList<>();
        for (ScanTask task : source.plan(ScanRequest.all())) {
            try (BatchReader reader = source.open(task, ScanRequest.all())) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    batches.add(batch);
                }
            }
        }
        return batches;
    }
}
