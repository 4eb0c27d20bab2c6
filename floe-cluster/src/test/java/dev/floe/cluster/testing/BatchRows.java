package dev.floe.cluster.testing;

import dev.floe.core.vector.Batch;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Batches as lists of row values, to compare what a cluster, a shuffle file or the local engine produced. */
public final class BatchRows {
    private BatchRows() {
    }

    /** The rows of {@code batches} in their order. */
    public static List<List<Object>> inOrder(List<Batch> batches) {
        List<List<Object>> rows = new ArrayList<>();
        for (Batch batch : batches) {
            for (int i = 0; i < batch.rowCount(); i++) {
                List<Object> row = new ArrayList<>(batch.columnCount());
                for (int c = 0; c < batch.columnCount(); c++) {
                    row.add(batch.column(c).getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * The rows of {@code batches}, doubles rounded to 12 digits, sorted: comparable across engines whose sums add in
     * another order and whose rows come in another order.
     */
    public static List<List<Object>> comparable(List<Batch> batches) {
        List<List<Object>> rows = inOrder(batches);
        for (List<Object> row : rows) {
            row.replaceAll(value -> value instanceof Double d && Double.isFinite(d)
                    ? new BigDecimal(d).round(new MathContext(12)).doubleValue() : value);
        }
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }
}
