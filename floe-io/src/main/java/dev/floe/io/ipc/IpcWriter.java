package dev.floe.io.ipc;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.IpcOption;

/**
 * Writes batches as an Arrow IPC file (file format, readable by Polars, pyarrow and Floe), optionally with
 * LZ4-frame or ZSTD body compression. Open one, {@link #write} batches, {@link #close}; or use the static
 * helpers for a list of batches.
 */
public final class IpcWriter implements AutoCloseable {
    private final Schema schema;
    private final String target;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final ArrowFileWriter writer;
    private final WritableByteChannel channel;
    /** The footer's custom metadata, read by Arrow's writer when the file ends. */
    private final Map<String, String> footerMetadata = new HashMap<>();
    /** Whether the file is partitioned ({@link IpcPartitions}): every batch is written with its partition. */
    private final boolean partitioned;
    /** The partition of each batch of a partitioned file. */
    private int[] batchPartitions = new int[0];
    private int batches;

    private IpcWriter(Schema schema, WritableByteChannel channel, IpcCompression compression, String target,
            boolean partitioned) {
        this.schema = schema;
        this.partitioned = partitioned;
        this.target = target;
        this.channel = channel;
        this.allocator = IpcFile.ROOT.newChildAllocator("ipc writer " + target, 0, Long.MAX_VALUE);
        this.root = VectorSchemaRoot.create(ArrowTypes.toArrowSchema(schema), allocator);
        this.writer = new ArrowFileWriter(root, null, channel, footerMetadata, IpcOption.DEFAULT,
                IpcCodecs.INSTANCE, compression.codec());
        try {
            writer.start();
        } catch (IOException e) {
            close();
            throw failure(e);
        }
    }

    /** A writer of the file format to {@code path} (created or replaced). */
    public static IpcWriter open(Path path, Schema schema, IpcCompression compression) {
        return open(path, schema, compression, false);
    }

    /**
     * A writer of a partitioned file ({@link IpcPartitions}) to {@code path} (created or replaced): each batch goes
     * in with its partition ({@link #write(Batch, int)}), and the footer lists them, even when there is none.
     */
    public static IpcWriter openPartitioned(Path path, Schema schema, IpcCompression compression) {
        return open(path, schema, compression, true);
    }

    private static IpcWriter open(Path path, Schema schema, IpcCompression compression, boolean partitioned) {
        try {
            return new IpcWriter(schema, Files.newByteChannel(path, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE),
                    compression, path.toString(), partitioned);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    /** A writer of the file format to a stream (closed with the writer). */
    public static IpcWriter open(OutputStream output, Schema schema, IpcCompression compression) {
        return new IpcWriter(schema, Channels.newChannel(output), compression, "an output stream", false);
    }

    public static void write(List<Batch> batches, Schema schema, Path path, IpcCompression compression) {
        try (IpcWriter writer = open(path, schema, compression)) {
            batches.forEach(writer::write);
        }
    }

    public static void write(List<Batch> batches, Schema schema, OutputStream output, IpcCompression compression) {
        try (IpcWriter writer = open(output, schema, compression)) {
            batches.forEach(writer::write);
        }
    }

    /** Appends one batch as one record batch. */
    public void write(Batch batch) {
        if (partitioned) {
            throw FloeException.internal("a partitioned IPC writer needs each batch's partition");
        }
        append(batch);
    }

    /** Appends one batch as one record batch of {@code partition} (a writer from {@link #openPartitioned}). */
    public void write(Batch batch, int partition) {
        if (!partitioned || partition < 0) {
            throw FloeException.internal("batch partition " + partition + " for an IPC writer of "
                    + (partitioned ? "a partitioned" : "an unpartitioned") + " file");
        }
        append(batch);
        if (batches > batchPartitions.length) {
            batchPartitions = java.util.Arrays.copyOf(batchPartitions, Math.max(16, batchPartitions.length * 2));
        }
        batchPartitions[batches - 1] = partition;
    }

    private void append(Batch batch) {
        if (!batch.schema().equals(schema)) {
            throw new FloeException(ErrorCode.SCHEMA_MISMATCH, "batch schema " + batch.schema()
                    + " differs from the IPC file's schema " + schema);
        }
        try {
            ArrowConversion.loadInto(batch, root, allocator);
            writer.writeBatch();
            batches++;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private FloeException failure(IOException e) {
        return new FloeException(ErrorCode.IO_ERROR, "cannot write the Arrow IPC file " + target + ": "
                + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            if (partitioned) {
                footerMetadata.put(IpcPartitions.FOOTER_KEY, IpcPartitions.encode(batchPartitions, batches));
            }
            writer.end();
            writer.close();
            channel.close();
        } catch (IOException e) {
            throw failure(e);
        } finally {
            root.close();
            allocator.close();
        }
    }
}
