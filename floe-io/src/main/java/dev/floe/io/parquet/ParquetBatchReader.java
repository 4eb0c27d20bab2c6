package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.BatchReader;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanTask;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.RowGroup;

/**
 * Reads one task's row groups: for each, one positioned read per needed column chunk, page decoding into
 * primitive arrays, assembly into vectors, then batches of the requested size with partition and path columns.
 */
final class ParquetBatchReader implements BatchReader {
    private final ParquetTableSource table;
    private final ParquetMetadata footer;
    private final ScanTask task;
    private final ScanRequest request;
    private final Schema outputSchema;
    private final FileChannel channel;
    private final long limit;
    private int nextGroup;
    private long produced;
    private List<Vector> current;
    private int currentRows;
    private int currentOffset;

    ParquetBatchReader(ParquetTableSource table, ParquetMetadata footer, ScanTask task, ScanRequest request) {
        this.table = table;
        this.footer = footer;
        this.task = task;
        this.request = request;
        Schema schema = table.schema();
        this.outputSchema = request.columns() == null ? schema : schema.select(request.columns());
        this.limit = table.effectiveLimit(request);
        this.nextGroup = (int) task.start();
        this.channel = ParquetFiles.open(footer.path());
    }

    @Override
    public Batch next() {
        while (true) {
            if (limit >= 0 && produced >= limit) {
                return null;
            }
            if (current != null && currentOffset < currentRows) {
                int size = (int) Math.min(request.batchSize(), currentRows - currentOffset);
                if (limit >= 0) {
                    size = (int) Math.min(size, limit - produced);
                }
                List<Vector> columns = new ArrayList<>(current.size());
                for (Vector column : current) {
                    columns.add(size == currentRows ? column : column.slice(currentOffset, size));
                }
                currentOffset += size;
                produced += size;
                return new Batch(outputSchema, columns, size);
            }
            current = null;
            if (nextGroup >= task.start() + task.length() || nextGroup >= footer.rowGroupCount()) {
                return null;
            }
            int group = nextGroup++;
            if (!ParquetTableSource.rowGroupMightMatch(footer, group, request.predicate())) {
                continue;
            }
            readRowGroup(group);
        }
    }

    private void readRowGroup(int group) {
        RowGroup rowGroup = footer.rowGroups().get(group);
        long rowCount = rowGroup.getNum_rows();
        if (rowCount > Integer.MAX_VALUE - 16) {
            throw ParquetMetadata.corrupt(footer.path(), "row group " + group + " claims " + rowCount + " rows");
        }
        int rows = (int) rowCount;
        Map<Integer, ColumnData> data = new HashMap<>();
        Map<Integer, Vector> dense = new HashMap<>();
        List<Vector> columns = new ArrayList<>(outputSchema.size());
        for (Field field : outputSchema.fields()) {
            columns.add(column(field, rowGroup, rows, data, dense));
        }
        current = columns;
        currentRows = rows;
        currentOffset = 0;
    }

    private Vector column(Field field, RowGroup rowGroup, int rows, Map<Integer, ColumnData> data,
            Map<Integer, Vector> dense) {
        String name = field.name();
        if (name.equals(table.filePathColumn())) {
            return constantString(task.path(), rows);
        }
        ParquetNode node = footer.column(name);
        if (node == null) {
            for (Field partition : table.partitionFields()) {
                if (partition.name().equals(name)) {
                    return PartitionValues.constant(partition.type(), task.partitionValues().get(name), rows);
                }
            }
            return Vectors.nulls(field.type(), rows);
        }
        loadLeaves(node, rowGroup, data, dense);
        Vector vector = new VectorAssembler(data::get, dense::get).build(node);
        if (vector.length() != rows) {
            throw ParquetMetadata.corrupt(footer.path(), "column " + name + " has " + vector.length()
                    + " values in a row group of " + rows + " rows");
        }
        return vector;
    }

    private void loadLeaves(ParquetNode node, RowGroup rowGroup, Map<Integer, ColumnData> data,
            Map<Integer, Vector> dense) {
        switch (node) {
            case ParquetNode.Primitive primitive -> {
                if (data.containsKey(primitive.column())) {
                    return;
                }
                ColumnMetaData meta = rowGroup.getColumns().get(primitive.column()).getMeta_data();
                long start = ParquetMetadata.chunkStart(meta);
                byte[] chunk = ParquetFiles.read(channel, footer.path(), start,
                        (int) meta.getTotal_compressed_size());
                ColumnData decoded = new ColumnChunkDecoder(footer.path(), primitive, meta)
                        .decode(chunk, rowGroup.getNum_rows());
                data.put(primitive.column(), decoded);
                dense.put(primitive.column(), DenseVectors.of(footer.path(), primitive, decoded.values()));
            }
            case ParquetNode.Struct struct -> struct.children().forEach(child -> loadLeaves(child, rowGroup, data, dense));
            case ParquetNode.ListNode list -> loadLeaves(list.element(), rowGroup, data, dense);
        }
    }

    private static Vector constantString(String value, int rows) {
        return PartitionValues.constant(DataType.STRING, value, rows);
    }

    @Override
    public void close() {
        ParquetFiles.close(channel);
    }
}
