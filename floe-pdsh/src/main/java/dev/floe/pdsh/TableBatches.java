package dev.floe.pdsh;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Turns a stream of generated TPC-H rows into batches of at most {@code batchSize} rows, copying each row's values
 * into one primitive buffer per column as its {@link GeneratedColumn} says.
 */
final class TableBatches<R> implements Iterator<Batch> {
    private final Iterator<R> rows;
    private final Schema schema;
    private final List<GeneratedColumn<R>> columns;
    private final int batchSize;

    TableBatches(Iterable<R> rows, Schema schema, List<GeneratedColumn<R>> columns, int batchSize) {
        if (columns.size() != schema.size()) {
            throw new IllegalArgumentException(
                    "the schema has " + schema.size() + " columns but " + columns.size() + " are generated");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).type().equals(schema.field(i).type())) {
                throw new IllegalArgumentException("column " + schema.field(i).name() + " is " + schema.field(i).type()
                        + " but is generated as " + columns.get(i).type());
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, not " + batchSize);
        }
        this.rows = rows.iterator();
        this.schema = schema;
        this.columns = List.copyOf(columns);
        this.batchSize = batchSize;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Batch next() {
        if (!rows.hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        List<GeneratedColumn.Buffer<R>> buffers = new ArrayList<>(columns.size());
        for (GeneratedColumn<R> column : columns) {
            buffers.add(column.buffer(batchSize));
        }
        for (int i = 0; i < batchSize && rows.hasNext(); i++) {
            R row = rows.next();
            for (GeneratedColumn.Buffer<R> buffer : buffers) {
                buffer.add(row);
            }
        }
        List<Vector> vectors = new ArrayList<>(buffers.size());
        for (GeneratedColumn.Buffer<R> buffer : buffers) {
            vectors.add(buffer.build());
        }
        return new Batch(schema, vectors);
    }
}
