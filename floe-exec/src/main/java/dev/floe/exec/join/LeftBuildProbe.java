package dev.floe.exec.join;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.Vector;
import dev.floe.exec.expr.Evaluator;
import dev.floe.exec.pipeline.StreamingOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * The probe of a left join whose hash table is built on the (small) left input while the (large) right input
 * streams through: emits, for every right row that matches, the right columns the join keeps plus the matched
 * left row's index as a last Int32 column. {@link LeftOrderAssembly} then puts the pairs in left order and adds
 * the left rows nothing matched. Stateless, so it runs in parallel over right morsels.
 */
public final class LeftBuildProbe implements StreamingOperator {
    private final List<Evaluator> probeKeys;
    private final JoinHashTable table;
    private final int[] keptColumns;
    private final Schema schema;

    /**
     * @param probeKeys the right keys, compiled against the right input
     * @param table the hash table over the left keys
     * @param keptColumns the indices of the right columns the join output keeps, in output order
     * @param rightSchema the right input's schema
     */
    public LeftBuildProbe(List<Evaluator> probeKeys, JoinHashTable table, int[] keptColumns, Schema rightSchema) {
        this.probeKeys = List.copyOf(probeKeys);
        this.table = table;
        this.keptColumns = keptColumns.clone();
        this.schema = pairSchema(rightSchema, keptColumns);
    }

    /** The kept right columns, then the left row index (a name no kept column has). */
    public static Schema pairSchema(Schema rightSchema, int[] keptColumns) {
        List<Field> fields = new ArrayList<>(keptColumns.length + 1);
        String rowName = "__left_row";
        for (int column : keptColumns) {
            fields.add(rightSchema.field(column));
        }
        while (rightSchema.contains(rowName)) {
            rowName = "_" + rowName;
        }
        fields.add(Field.of(rowName, DataType.INT32));
        return new Schema(fields);
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public Batch apply(Batch probe) {
        int n = probe.rowCount();
        int[] groups = table.find(probeKeys, probe);
        int count = 0;
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            if (g >= 0) {
                count += table.end(g) - table.start(g);
            }
        }
        int[] probeRows = new int[count];
        int[] leftRows = new int[count];
        int out = 0;
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            if (g < 0) {
                continue;
            }
            for (int m = table.start(g); m < table.end(g); m++) {
                probeRows[out] = i;
                leftRows[out++] = table.row(m);
            }
        }
        List<Vector> columns = new ArrayList<>(keptColumns.length + 1);
        for (int column : keptColumns) {
            columns.add(probe.column(column).take(probeRows, count));
        }
        columns.add(new IntVector(DataType.INT32, leftRows, null, count));
        return new Batch(schema, columns, count);
    }
}
