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
import dev.floe.io.dataset.ResolvedDataset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Arrow IPC files (file format {@code .arrow}/{@code .ipc}/{@code .feather} and stream format {@code .arrows};
 * uncompressed, LZ4-frame or ZSTD bodies) as a table: one scan task per file. Options:
 * {@code include_file_paths} (name of a String column holding each row's file) and {@code hive_partitioning}.
 */
public final class IpcTableSource implements TableSource {
    private final ScanSource source;
    private final ResolvedDataset dataset;
    private final Schema fileSchema;
    private final ConstantColumns constants;
    private final Schema schema;

    private IpcTableSource(ScanSource source) {
        this.source = source;
        this.dataset = DatasetResolver.resolve(source);
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
        List<ScanTask> tasks = new ArrayList<>(dataset.files().size());
        for (DataFile file : dataset.files()) {
            tasks.add(new ScanTask(file.path(), 0, file.size(), -1, file.size(), file.partitionValues()));
        }
        return tasks;
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
        return new SourceStatistics(dataset.files().size(), -1, -1, bytes);
    }

    static FloeException schemaMismatch(String path, Schema expected, Schema actual) {
        return new FloeException(ErrorCode.SCHEMA_MISMATCH, "the Arrow IPC file " + path + " has the schema "
                + actual + " but the first file of the scan has " + expected);
    }
}
