package dev.floe.exec.planner;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.pipeline.Pipeline;
import dev.floe.plan.logical.RowIndex;
import java.util.ArrayList;
import java.util.List;

/** with_row_index: numbers the ordered input's rows from the offset in a first UInt32 column. */
final class RowIndexPlanner {
    private RowIndexPlanner() {
    }

    static Pipeline plan(RowIndex rowIndex, PhysicalPlanner planner) {
        Schema schema = rowIndex.schema();
        List<Batch> out = new ArrayList<>();
        long next = rowIndex.offset();
        for (Batch batch : planner.materialize(rowIndex.input())) {
            int n = batch.rowCount();
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = (next + i) & 0xFFFF_FFFFL;
            }
            next += n;
            List<Vector> columns = new ArrayList<>(batch.columnCount() + 1);
            columns.add(new LongVector(DataType.UINT32, values, null, n));
            columns.addAll(batch.columns());
            out.add(new Batch(schema, columns, n));
        }
        return planner.source(schema, out);
    }
}
