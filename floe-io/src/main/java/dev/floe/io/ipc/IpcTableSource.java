package dev.floe.io.ipc;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import dev.floe.io.BatchReader;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.SourceStatistics;
import dev.floe.io.TableSource;
import dev.floe.io.csv.ConstantColumns;
import dev.floe.io.dataset.DataFile;
import dev.floe.io.dataset.DatasetResolver;
import dev.floe.io.storage.LocalCopies;
import dev.floe.io.dataset.ResolvedDataset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;

/**
 * Arrow IPC files (file format {@code .arrow}/{@code .ipc}/{@code .feather} and stream format {@code .arrows};
 * uncompressed, LZ4-frame or ZSTD bodies) as a table: tasks are runs of record batches (see {@link #plan}). Options:
 * {@code include_file_paths} (name of a String column holding each row's file), {@code hive_partitioning}, and
 * {@link IpcPartitions#OPTION} (read one partition of partitioned files, which every file must then be).
 */
public final class IpcTableSource implements TableSource {
    /** Record batches of a file are grouped into tasks of about this many bytes. */
    public static final long SPLIT_BYTES = 64L << 20;

    private final ScanSource source;
    private final ResolvedDataset dataset;
    private final Schema fileSchema;
    private final ConstantColumns constants;
    private final Schema schema;
    /** The partition read from partitioned files, or -1 to read whole files. */
    private final int partition;
    private List<IpcFileLayout> layouts;

    private IpcTableSource(ScanSource source) {
        this.source = source;
        this.partition = IpcPartitions.selected(source.option(IpcPartitions.OPTION, null));
        this.dataset = LocalCopies.copyRemote(DatasetResolver.resolve(source), source.options());
        this.fileSchema = readSchema(dataset.files().getFirst().path());
        this.constants = new ConstantColumns(dataset.partitionFields(),
                source.option(ConstantColumns.INCLUDE_FILE_PATHS, null));
        this.schema = constants.extend(fileSchema);
    }

    public static TableSource open(ScanSource source) {
        if (source.format() != FileFormat.IPC) {
            throw FloeException.invalidArgument("IpcTableSource reads IPC scans, got " + source.format());
        }
        return new IpcTableSource(source);
    }

    /** The Floe schema of one IPC file (dictionary columns have their value type). */
    public static Schema readSchema(String path) {
        try (BufferAllocator allocator = IpcFile.ROOT.newChildAllocator("schema " + path, 0, Long.MAX_VALUE);
                ArrowReader reader = IpcFile.open(path, allocator)) {
            return ArrowTypes.fromArrowSchema(reader.getVectorSchemaRoot().getSchema(), reader);
        } catch (FloeException e) {
            throw e;
        } catch (Exception e) {
            throw IpcFile.corrupt(path, e);
        }
    }

    @Override
    public ScanSource source() {
        return source;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<ScanTask> plan(ScanRequest request) {
        return plan(SPLIT_BYTES);
    }

    /**
     * Tasks over record batches: a file-format file is cut into runs of consecutive record batches of about
     * {@code splitBytes} (task start = first batch index, length = batch count); a stream-format file is one
     * task of every batch (length {@code -1}). With a partition selected, a run holds that partition's batches
     * only and ends where another partition's batch comes.
     */
    List<ScanTask> plan(long splitBytes) {
        List<IpcFileLayout> layouts = layouts();
        List<ScanTask> tasks = new ArrayList<>(dataset.files().size());
        for (int f = 0; f < layouts.size(); f++) {
            DataFile file = dataset.files().get(f);
            IpcFileLayout layout = layouts.get(f);
            if (partition >= 0 && layout.partitions() == null) {
                throw FloeException.invalidArgument("the IPC scan option " + IpcPartitions.OPTION + " reads "
                        + "partitioned files, but " + file.path() + " has no partition map in its footer");
            }
            if (!layout.known()) {
                tasks.add(new ScanTask(file.path(), 0, -1, -1, file.size(), file.partitionValues()));
                continue;
            }
            List<ArrowBlock> blocks = layout.blocks();
            int first = -1;
            long bytes = 0;
            long rows = 0;
            for (int i = 0; i < blocks.size(); i++) {
                if (!layout.selected(i, partition)) {
                    if (first >= 0) {
                        tasks.add(new ScanTask(file.path(), first, i - first, rows, bytes, file.partitionValues()));
                        first = -1;
                    }
                    continue;
                }
                if (first < 0) {
                    first = i;
                    bytes = 0;
                    rows = 0;
                }
                bytes += layout.blockBytes(i);
                rows += layout.rows()[i];
                if (bytes >= splitBytes || i == blocks.size() - 1) {
                    tasks.add(new ScanTask(file.path(), first, i + 1 - first, rows, bytes, file.partitionValues()));
                    first = -1;
                }
            }
            if (blocks.isEmpty() && partition < 0) {
                tasks.add(new ScanTask(file.path(), 0, 0, 0, file.size(), file.partitionValues()));
            }
        }
        if (tasks.isEmpty()) {
            // no batch of the partition in any file: one empty task keeps the scan's shape
            DataFile file = dataset.files().getFirst();
            tasks.add(new ScanTask(file.path(), 0, 0, 0, 0, file.partitionValues()));
        }
        return tasks;
    }

    /** The layout of every file (footer and batch headers, read once per opened table). */
    private synchronized List<IpcFileLayout> layouts() {
        if (layouts == null) {
            List<IpcFileLayout> read = new ArrayList<>(dataset.files().size());
            for (DataFile file : dataset.files()) {
                read.add(IpcFileLayout.read(file.path(), partition));
            }
            layouts = List.copyOf(read);
        }
        return layouts;
    }

    @Override
    public BatchReader open(ScanTask task, ScanRequest request) {
        List<String> columns = request.columns() == null ? schema.names() : request.columns();
        for (String column : columns) {
            schema.require(column);
        }
        return new IpcBatchReader(task, fileSchema, constants, columns, request.rowLimit(), request.batchSize());
    }

    @Override
    public SourceStatistics statistics() {
        long bytes = 0;
        for (DataFile file : dataset.files()) {
            bytes += file.size();
        }
        long rows = 0;
        for (IpcFileLayout layout : layouts()) {
            long fileRows = layout.totalRows(partition);
            rows = rows < 0 || fileRows < 0 ? -1 : rows + fileRows;
        }
        return new SourceStatistics(dataset.files().size(), -1, rows, bytes);
    }

    static FloeException schemaMismatch(String path, Schema expected, Schema actual) {
        return new FloeException(ErrorCode.SCHEMA_MISMATCH, "the Arrow IPC file " + path + " has the schema "
                + actual + " but the first file of the scan has " + expected);
    }
}
