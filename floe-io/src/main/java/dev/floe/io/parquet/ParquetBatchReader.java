package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.BatchReader;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanTask;
import dev.floe.io.storage.ByteRange;
import dev.floe.io.storage.InputFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.RowGroup;

/**
 * Reads one task's row groups: for each, the needed column chunks in one {@link InputFile#readAll} (one
 * positioned read per chunk locally, coalesced ranged GETs on S3), page decoding into
 * primitive arrays, assembly into vectors, then batches of the requested size with partition and path columns.
 */
final class ParquetBatchReader implements BatchReader {
    private final ParquetTableSource table;
    private final ParquetMetadata footer;
    private final ScanTask task;
    private final ScanRequest request;
    private final Schema outputSchema;
    private final InputFile file;
    private final long limit;
    private int nextGroup;
    private long produced;
    /** Per output column: a decoded row-group vector, or null for a constant made per batch. */
    private List<Vector> current;
    private List<IntFunction<Vector>> constants;
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
        this.file = ParquetFiles.open(footer.path(), table.source().options());
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
                for (int c = 0; c < current.size(); c++) {
                    Vector column = current.get(c);
                    if (column == null) {
                        columns.add(constants.get(c).apply(size));
                    } else {
                        columns.add(size == currentRows ? column : column.slice(currentOffset, size));
                    }
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
        Map<Integer, byte[]> chunks = fetchChunks(rowGroup);
        List<Vector> columns = new ArrayList<>(outputSchema.size());
        List<IntFunction<Vector>> constantColumns = new ArrayList<>(outputSchema.size());
        for (Field field : outputSchema.fields()) {
            IntFunction<Vector> constant = constant(field);
            constantColumns.add(constant);
            columns.add(constant != null ? null : column(field, rowGroup, rows, chunks, data, dense));
        }
        current = columns;
        constants = constantColumns;
        currentRows = rows;
        currentOffset = 0;
    }

    /** The per-batch maker of a column not stored in this file (path, partition, missing), or null. */
    private IntFunction<Vector> constant(Field field) {
        String name = field.name();
        if (name.equals(table.filePathColumn())) {
            return rows -> PartitionValues.constant(DataType.STRING, task.path(), rows);
        }
        if (footer.column(name) != null) {
            return null;
        }
        for (Field partition : table.partitionFields()) {
            if (partition.name().equals(name)) {
                String value = task.partitionValues().get(name);
                return rows -> PartitionValues.constant(partition.type(), value, rows);
            }
        }
        return rows -> Vectors.nulls(field.type(), rows);
    }

    /** The compressed bytes of every column chunk the output needs from this row group, in one readAll. */
    private Map<Integer, byte[]> fetchChunks(RowGroup rowGroup) {
        List<Integer> leaves = new ArrayList<>();
        for (Field field : outputSchema.fields()) {
            if (constant(field) == null) {
                collectLeaves(footer.column(field.name()), leaves);
            }
        }
        List<ByteRange> ranges = new ArrayList<>(leaves.size());
        for (int leaf : leaves) {
            ColumnMetaData meta = rowGroup.getColumns().get(leaf).getMeta_data();
            ranges.add(new ByteRange(ParquetMetadata.chunkStart(meta), (int) meta.getTotal_compressed_size()));
        }
        List<byte[]> bytes = file.readAll(ranges);
        Map<Integer, byte[]> chunks = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            chunks.put(leaves.get(i), bytes.get(i));
        }
        return chunks;
    }

    private static void collectLeaves(ParquetNode node, List<Integer> out) {
        switch (node) {
            case ParquetNode.Primitive primitive -> {
                if (!out.contains(primitive.column())) {
                    out.add(primitive.column());
                }
            }
            case ParquetNode.Struct struct -> struct.children().forEach(child -> collectLeaves(child, out));
            case ParquetNode.ListNode list -> collectLeaves(list.element(), out);
        }
    }

    private Vector column(Field field, RowGroup rowGroup, int rows, Map<Integer, byte[]> chunks,
            Map<Integer, ColumnData> data, Map<Integer, Vector> dense) {
        String name = field.name();
        ParquetNode node = footer.column(name);
        loadLeaves(node, rowGroup, chunks, data, dense);
        Vector vector = new VectorAssembler(data::get, dense::get).build(node);
        if (vector.length() != rows) {
            throw ParquetMetadata.corrupt(footer.path(), "column " + name + " has " + vector.length()
                    + " values in a row group of " + rows + " rows");
        }
        return vector;
    }

    private void loadLeaves(ParquetNode node, RowGroup rowGroup, Map<Integer, byte[]> chunks,
            Map<Integer, ColumnData> data, Map<Integer, Vector> dense) {
        switch (node) {
            case ParquetNode.Primitive primitive -> {
                if (data.containsKey(primitive.column())) {
                    return;
                }
                ColumnMetaData meta = rowGroup.getColumns().get(primitive.column()).getMeta_data();
                byte[] chunk = chunks.remove(primitive.column());
                ColumnData decoded = new ColumnChunkDecoder(footer.path(), primitive, meta)
                        .decode(chunk, rowGroup.getNum_rows());
                data.put(primitive.column(), decoded);
                dense.put(primitive.column(), DenseVectors.of(footer.path(), primitive, decoded.values()));
            }
            case ParquetNode.Struct struct -> struct.children().forEach(child -> loadLeaves(child, rowGroup, chunks, data,
                    dense));
            case ParquetNode.ListNode list -> loadLeaves(list.element(), rowGroup, chunks, data, dense);
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
