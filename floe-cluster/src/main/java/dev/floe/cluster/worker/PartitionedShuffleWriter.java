package dev.floe.cluster.worker;

import dev.floe.cluster.plan.Exchange;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.io.ipc.IpcCompression;
import dev.floe.io.ipc.IpcWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a task's output as it is produced: each batch is cut by the stage's {@link Exchange} and its pieces are
 * appended to one Arrow IPC writer per output partition, so a task holds one batch, not its whole output. Every
 * partition gets a file (an empty one carries the schema); the files appear under their final names only on
 * {@link #finish()}, and {@link #close()} without it deletes what was written.
 */
final class PartitionedShuffleWriter implements AutoCloseable {
    private final Exchange exchange;
    private final List<Path> files;
    private final List<Path> temporaries = new ArrayList<>();
    private final List<IpcWriter> writers = new ArrayList<>();
    private final long[] rows;
    private final int[] hashKeys;
    private long batches;
    private boolean finished;

    /** Opens the writers of {@code files}, one per output partition of {@code exchange}, in partition order. */
    PartitionedShuffleWriter(Exchange exchange, Schema schema, List<Path> files, IpcCompression compression) {
        if (files.size() != exchange.outputPartitions()) {
            throw FloeException.internal("the exchange " + exchange + " has " + exchange.outputPartitions()
                    + " partitions, not " + files.size());
        }
        this.exchange = exchange;
        this.files = List.copyOf(files);
        this.rows = new long[files.size()];
        this.hashKeys = exchange instanceof Exchange.Hash hash ? ShuffleWriter.keyColumns(hash, schema) : null;
        try {
            for (Path file : files) {
                Files.createDirectories(file.getParent());
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + Thread.currentThread().threadId());
                temporaries.add(temporary);
                writers.add(IpcWriter.open(temporary, schema, compression));
            }
        } catch (IOException e) {
            close();
            throw new FloeException(ErrorCode.IO_ERROR, "cannot create the shuffle directory of " + files.getFirst()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Cuts {@code batch} into the output partitions and appends each non-empty piece to its partition's file. */
    void write(Batch batch) {
        if (finished) {
            throw FloeException.internal("the shuffle output " + files.getFirst() + " is already finished");
        }
        if (batch.rowCount() == 0) {
            return;
        }
        switch (exchange) {
            case Exchange.Hash hash -> {
                List<List<Batch>> parts = ShuffleWriter.emptyParts(files.size());
                ShuffleWriter.hashPartition(batch, hashKeys, parts);
                appendAll(parts);
            }
            case Exchange.Range range -> {
                List<List<Batch>> parts = ShuffleWriter.emptyParts(files.size());
                RangePartitioner.partition(range, batch, parts);
                appendAll(parts);
            }
            case Exchange.RoundRobin roundRobin -> append((int) (batches % files.size()), batch);
            case Exchange.Broadcast broadcast -> append(0, batch);
            case Exchange.Gather gather -> append(0, batch);
            case Exchange.Result result -> append(0, batch);
            case Exchange.Forward forward -> append(0, batch);
        }
        batches++;
    }

    private void appendAll(List<List<Batch>> parts) {
        for (int p = 0; p < parts.size(); p++) {
            for (Batch piece : parts.get(p)) {
                append(p, piece);
            }
        }
    }

    private void append(int partition, Batch piece) {
        writers.get(partition).write(piece);
        rows[partition] += piece.rowCount();
    }

    /** Rows written to each partition so far. */
    long[] rows() {
        return rows.clone();
    }

    /** Closes every file and moves it to its final name; returns the bytes of all the files. */
    long finish() {
        long bytes = 0;
        try {
            for (int p = 0; p < writers.size(); p++) {
                writers.get(p).close();
            }
            writers.clear();
            for (int p = 0; p < files.size(); p++) {
                Files.move(temporaries.get(p), files.get(p), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                bytes += Files.size(files.get(p));
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write shuffle file " + files.getFirst() + ": "
                    + e.getMessage(), e);
        }
        finished = true;
        return bytes;
    }

    /** Deletes the files of an unfinished output (a failed or interrupted task). */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        for (IpcWriter writer : writers) {
            try {
                writer.close();
            } catch (RuntimeException ignored) {
                // The file goes anyway.
            }
        }
        writers.clear();
        for (Path temporary : temporaries) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Leftovers go with the query's directory.
            }
        }
        finished = true;
    }
}
