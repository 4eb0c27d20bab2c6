package dev.floe.cluster.testing;

import dev.floe.core.vector.Batch;
import dev.floe.io.ipc.ArrowConversion;
import dev.floe.io.ipc.IpcCompression;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/** Reads a shuffle file (Arrow IPC, any of the shuffle codecs) back into batches for assertions. */
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
}
