package dev.floe.exec.scan;

import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.operator.FilterOperator;
import dev.floe.exec.pipeline.MorselSource;
import dev.floe.io.BatchReader;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a table: one morsel per scan task. Each batch read (the projection plus the predicate's columns) is
 * cut down to the projection and filtered by the exact predicate (columns only the predicate reads are not
 * copied).
 */
public final class ScanMorselSource implements MorselSource {
    private final TableSource table;
    private final List<ScanTask> tasks;
    private final ScanRequest request;
    private final Schema outputSchema;
    private final FilterOperator filter;

    /** {@code predicate} is compiled against {@code readSchema}, the order of the requested columns. */
    public ScanMorselSource(TableSource table, ScanRequest request, Schema readSchema, Schema outputSchema,
            Evaluator predicate) {
        this.table = table;
        this.request = request;
        this.tasks = List.copyOf(table.plan(request));
        this.outputSchema = outputSchema;
        this.filter = predicate == null ? null : new FilterOperator(predicate);
        if (!readSchema.names().containsAll(outputSchema.names())) {
            throw dev.floe.core.FloeException.internal("scan output " + outputSchema + " is not part of what it reads "
                    + readSchema);
        }
    }

    @Override
    public Schema schema() {
        return outputSchema;
    }

    @Override
    public int morselCount() {
        return tasks.size();
    }

    @Override
    public void read(int morsel, Consumer<Batch> consumer) {
        try (BatchReader reader = table.open(tasks.get(morsel), request)) {
            Batch batch;
            while ((batch = reader.next()) != null) {
                List<Vector> columns = new ArrayList<>(outputSchema.size());
                for (String name : outputSchema.names()) {
                    columns.add(batch.column(name));
                }
                Batch projected = new Batch(outputSchema, columns, batch.rowCount());
                consumer.accept(filter == null ? projected : filter.keep(batch, projected));
            }
        }
    }
}
