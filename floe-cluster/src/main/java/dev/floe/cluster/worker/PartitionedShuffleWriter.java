package dev.floe.cluster.worker;

import dev.floe.cluster.plan.Exchange;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcPartitions;
import dev.floe.io.ipc.IpcWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a task's output as it is produced into one partitioned Arrow IPC file ({@link IpcPartitions}): each batch
 * is cut by the stage's {@link Exchange}, the pieces are kept per output partition, and whenever they reach
 * {@link #BUFFER_BYTES} (and at the end) they are appended partition by partition, so each reduce partition's
 * batches lie in few runs and a task holds a bounded part of its output. One file per map task, not one per
 * output partition: creating, renaming and deleting files costs the file system far more than writing their bytes
 * (884 files per PDS-H SF1 suite with a file per partition and a rows file per map task, 230 now; on the
 * benchmark machine's ext4, whose inode allocation slows down with every recently deleted file, the file system
 * took 3-11 % of the workers' CPU with the old layout, see BENCHMARKS.md). The file appears under its final name
 * only on {@link #finish()}; {@link #close()} without it deletes what was written.
 */
final class PartitionedShuffleWriter implements AutoCloseable {
    /** Pieces kept before they are appended to the file. */
    static final long BUFFER_BYTES = 32L << 20;

    private final Exchange exchange;
    private final Path file;
    private final Path temporary;
    private final IpcWriter writer;
    private final List<List<Batch>> buffered = new ArrayList<>();
    private final long bufferLimit;
    private long bufferedBytes;
    private final long[] rows;
    private final int[] hashKeys;
    private long batches;
    private boolean finished;

    /** Opens the writer of {@code file}, which holds every output partition of {@code exchange}. */
    PartitionedShuffleWriter(Exchange exchange, Schema schema, Path file, IpcCompression compression) {
        this(exchange, schema, file, compression, BUFFER_BYTES);
    }

    PartitionedShuffleWriter(Exchange exchange, Schema schema, Path file, IpcCompression compression,
            long bufferLimit) {
        this.exchange = exchange;
        this.file = file;
        this.bufferLimit = bufferLimit;
        int partitions = exchange.outputPartitions();
        this.rows = new long[partitions];
        for (int p = 0; p < partitions; p++) {
            buffered.add(new ArrayList<>());
        }
        this.hashKeys = exchange instanceof Exchange.Hash hash ? ShuffleWriter.keyColumns(hash, schema) : null;
        this.temporary = file.resolveSibling(file.getFileName() + ".tmp-" + Thread.currentThread().threadId());
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot create the shuffle directory of " + file + ": "
                    + e.getMessage(), e);
        }
        this.writer = IpcWriter.openPartitioned(temporary, schema, compression);
    }

    /** Cuts {@code batch} into the output partitions and keeps or appends each non-empty piece. */
    void write(Batch batch) {
        if (finished) {
            throw FloeException.internal("the shuffle output " + file + " is already finished");
        }
        if (batch.rowCount() == 0) {
            return;
        }
        switch (exchange) {
            case Exchange.Hash hash -> {
                List<List<Batch>> parts = ShuffleWriter.emptyParts(rows.length);
                ShuffleWriter.hashPartition(batch, hashKeys, parts);
                keepAll(parts);
            }
            case Exchange.Range range -> {
                List<List<Batch>> parts = ShuffleWriter.emptyParts(rows.length);
                RangePartitioner.partition(range, batch, parts);
                keepAll(parts);
            }
            case Exchange.RoundRobin roundRobin -> keep((int) (batches % rows.length), batch);
            case Exchange.Broadcast broadcast -> keep(0, batch);
            case Exchange.Gather gather -> keep(0, batch);
            case Exchange.Result result -> keep(0, batch);
            case Exchange.Forward forward -> keep(0, batch);
        }
        batches++;
        if (bufferedBytes >= bufferLimit) {
            flush();
        }
    }

    private void keepAll(List<List<Batch>> parts) {
        for (int p = 0; p < parts.size(); p++) {
            for (Batch piece : parts.get(p)) {
                keep(p, piece);
            }
        }
    }

    private void keep(int partition, Batch piece) {
        rows[partition] += piece.rowCount();
        if (rows.length == 1) {
            writer.write(piece, 0);
            return;
        }
        buffered.get(partition).add(piece);
        bufferedBytes += piece.estimatedBytes();
    }

    /** Appends the kept pieces, partition by partition. */
    private void flush() {
        for (int p = 0; p < buffered.size(); p++) {
            for (Batch piece : buffered.get(p)) {
                writer.write(piece, p);
            }
            buffered.get(p).clear();
        }
        bufferedBytes = 0;
    }

    /** Rows written to each partition so far. */
    long[] rows() {
        return rows.clone();
    }

    /** Appends what is kept, closes the file and moves it to its final name; returns its bytes. */
    long finish() {
        try {
            flush();
            finished = true;
            writer.close();
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(file);
        } catch (IOException e) {
            deleteTemporary();
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write shuffle file " + file + ": " + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            deleteTemporary();
            throw e;
        }
    }

    /** Deletes the file of an unfinished output (a failed or interrupted task). */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            writer.close();
        } catch (RuntimeException ignored) {
            // The file goes anyway.
        }
        deleteTemporary();
    }

    private void deleteTemporary() {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Leftovers go with the query's directory.
        }
    }
}
