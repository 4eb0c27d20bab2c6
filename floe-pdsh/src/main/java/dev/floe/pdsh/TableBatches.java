package dev.floe.pdsh;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Turns a stream of generated TPC-H rows into batches of at most {@code batchSize} rows; each table's subclass
 * copies a whole batch of rows into primitive buffers in one loop.
 */
abstract class TableBatches<T> implements Iterator<Batch> {
    private final Iterator<T> rows;
    private final Schema schema;
    private final int batchSize;

    TableBatches(Iterable<T> rows, Schema schema, int batchSize) {
        this.rows = rows.iterator();
        this.schema = schema;
        this.batchSize = batchSize;
    }

    @Override
    public final boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public final Batch next() {
        if (!rows.hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        List<Vector> columns = fill(rows, batchSize);
        return new Batch(schema, columns);
    }

    /** Appends up to {@code limit} rows of {@code source} (which has at least one) and returns the columns. */
    abstract List<Vector> fill(Iterator<T> source, int limit);
}
