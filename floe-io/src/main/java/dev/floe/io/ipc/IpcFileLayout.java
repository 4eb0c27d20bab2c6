package dev.floe.io.ipc;

import dev.floe.core.FloeException;
import dev.floe.io.storage.LocalCopies;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.RecordBatch;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.SeekableReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.MessageMetadataResult;
import org.apache.arrow.vector.ipc.message.MessageSerializer;

/**
 * The record batches of one Arrow IPC file-format file and the rows of each, read from the footer and each
 * batch's message header only (no bodies), so a scan knows its exact rows before reading data. A stream-format
 * file has no footer: its layout is {@link #STREAM} (batches and rows unknown).
 *
 * @param blocks the record batch blocks in file order, or {@code null} for a stream-format file
 * @param rows the rows of each block, or {@code null} for a stream-format file; in a layout read for one partition,
 *     -1 for the blocks of other partitions (their headers are not read)
 * @param partitions the partition of each block in a partitioned file ({@link IpcPartitions}), else {@code null}
 */
record IpcFileLayout(List<ArrowBlock> blocks, long[] rows, int[] partitions) {
    /** The layout of a stream-format file: nothing known before reading it. */
    static final IpcFileLayout STREAM = new IpcFileLayout(null, null, null);

    IpcFileLayout {
        if ((blocks == null) != (rows == null) || blocks != null && blocks.size() != rows.length) {
            throw FloeException.internal("an IPC file layout needs one row count per block");
        }
        if (partitions != null && (blocks == null || partitions.length != blocks.size())) {
            throw FloeException.internal("an IPC file layout needs one partition per block");
        }
    }

    /** Whether block {@code index} is read by a scan of {@code partition} (-1: every block). */
    boolean selected(int index, int partition) {
        return partition < 0 || partitions[index] == partition;
    }

    /** The bytes of block {@code index}: its message header and body. */
    long blockBytes(int index) {
        return blocks.get(index).getMetadataLength() + blocks.get(index).getBodyLength();
    }

    /** The bytes of the blocks of {@code partition} (-1: of every block). */
    long totalBytes(int partition) {
        long total = 0;
        for (int i = 0; i < blocks.size(); i++) {
            total += selected(i, partition) ? blockBytes(i) : 0;
        }
        return total;
    }

    /** Whether the file is of the file format (its batches and rows are known). */
    boolean known() {
        return blocks != null;
    }

    /** The rows of the whole file, or -1 for a stream-format file. */
    long totalRows() {
        return totalRows(-1);
    }

    /** The rows of the blocks of {@code partition} (-1: of the whole file), or -1 for a stream-format file. */
    long totalRows(int partition) {
        if (rows == null) {
            return -1;
        }
        long total = 0;
        for (int i = 0; i < rows.length; i++) {
            total += selected(i, partition) ? rows[i] : 0;
        }
        return total;
    }

    /** Reads the footer of {@code path} and the header of each of its record batches. */
    static IpcFileLayout read(String path) {
        return read(path, -1);
    }

    /**
     * Reads the footer of {@code path} and the header of each record batch of {@code partition} (-1: of every
     * batch; a file without a partition map has all its batches read).
     */
    static IpcFileLayout read(String path, int partition) {
        if (!IpcFile.isFileFormat(path)) {
            return STREAM;
        }
        try (BufferAllocator allocator = IpcFile.ROOT.newChildAllocator("layout " + path, 0, Long.MAX_VALUE);
                SeekableReadChannel channel = new SeekableReadChannel(
                        FileChannel.open(LocalCopies.localPath(path), StandardOpenOption.READ));
                ArrowFileReader reader = new ArrowFileReader(channel, allocator, IpcCodecs.INSTANCE)) {
            List<ArrowBlock> blocks = List.copyOf(reader.getRecordBlocks());
            int[] partitions = IpcPartitions.of(reader.getMetaData(), blocks.size(), path);
            long[] rows = new long[blocks.size()];
            for (int i = 0; i < rows.length; i++) {
                if (partitions != null && partition >= 0 && partitions[i] != partition) {
                    rows[i] = -1;
                    continue;
                }
                channel.setPosition(blocks.get(i).getOffset());
                MessageMetadataResult message = MessageSerializer.readMessage(channel);
                if (message == null || message.headerType() != MessageHeader.RecordBatch) {
                    throw IpcFile.corrupt(path, new IllegalStateException("block " + i + " is not a record batch"));
                }
                RecordBatch batch = (RecordBatch) message.getMessage().header(new RecordBatch());
                if (batch == null || batch.length() < 0) {
                    throw IpcFile.corrupt(path, new IllegalStateException("block " + i + " has no row count"));
                }
                rows[i] = batch.length();
            }
            return new IpcFileLayout(blocks, rows, partitions);
        } catch (FloeException e) {
            throw e;
        } catch (Exception e) {
            throw IpcFile.corrupt(path, e);
        }
    }
}
