package dev.floe.io.ipc;

import dev.floe.core.FloeException;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.io.BatchReader;
import dev.floe.io.ScanTask;
import dev.floe.io.csv.ConstantColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/** Reads one IPC file's record batches, converts the requested columns and cuts them to the batch size. */
final class IpcBatchReader implements BatchReader {
    private final ScanTask task;
    private final ConstantColumns constants;
    private final List<String> columns;
    private final Schema outputSchema;
    private final int[] fileColumn;
    private final int batchSize;
    private final BufferAllocator allocator;
    private final ArrowReader reader;
    private long remaining;
    private Batch pending;
    private int pendingOffset;

    IpcBatchReader(ScanTask task, Schema fileSchema, ConstantColumns constants, List<String> columns, long rowLimit,
            int batchSize) {
        this.task = task;
        this.constants = constants;
        this.columns = List.copyOf(columns);
        this.batchSize = batchSize;
        this.remaining = rowLimit < 0 ? Long.MAX_VALUE : rowLimit;
        Schema full = constants.extend(fileSchema);
        this.outputSchema = full.select(columns);
        this.fileColumn = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            fileColumn[i] = fileSchema.indexOf(columns.get(i));
        }
        this.allocator = IpcFile.ROOT.newChildAllocator("ipc " + task.path(), 0, Long.MAX_VALUE);
        try {
            this.reader = IpcFile.open(task.path(), allocator);
            Schema actual = ArrowTypes.fromArrowSchema(reader.getVectorSchemaRoot().getSchema(), reader);
            if (!actual.equals(fileSchema)) {
                throw IpcTableSource.schemaMismatch(task.path(), fileSchema, actual);
            }
        } catch (RuntimeException | java.io.IOException e) {
            allocator.close();
            throw IpcFile.corrupt(task.path(), e);
        }
    }

    @Override
    public Batch next() {
        while (remaining > 0) {
            if (pending != null && pendingOffset < pending.rowCount()) {
                int rows = (int) Math.min(Math.min(batchSize, pending.rowCount() - pendingOffset), remaining);
                Batch out = pending.slice(pendingOffset, rows);
                pendingOffset += rows;
                remaining -= rows;
                return out;
            }
            pending = loadNext();
            pendingOffset = 0;
            if (pending == null) {
                return null;
            }
        }
        return null;
    }

    private Batch loadNext() {
        try {
            if (!reader.loadNextBatch()) {
                return null;
            }
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            int rows = root.getRowCount();
            List<Vector> vectors = new ArrayList<>(columns.size());
            List<FieldVector> fieldVectors = root.getFieldVectors();
            for (int i = 0; i < columns.size(); i++) {
                Vector vector = fileColumn[i] >= 0
                        ? ArrowConversion.fromArrow(fieldVectors.get(fileColumn[i]), reader)
                        : constants.vector(columns.get(i), task, rows);
                vectors.add(vector);
            }
            List<Field> fields = outputSchema.fields();
            return new Batch(new Schema(fields), vectors, rows);
        } catch (FloeException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            throw IpcFile.corrupt(task.path(), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (java.io.IOException e) {
            throw IpcFile.corrupt(task.path(), e);
        } finally {
            allocator.close();
        }
    }
}
