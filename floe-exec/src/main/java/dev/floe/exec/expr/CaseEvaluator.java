package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * when/then/otherwise: each row takes the value of the first branch whose condition is true (null is not
 * true), else the otherwise value. The branch values are concatenated and gathered with one take.
 */
record CaseEvaluator(List<Evaluator> conditions, List<Evaluator> values, Evaluator otherwise, DataType type)
        implements Evaluator {

    @Override
    public Vector evaluate(Batch batch) {
        int n = batch.rowCount();
        int branches = conditions.size();
        int[] choice = new int[n];
        java.util.Arrays.fill(choice, branches);
        for (int b = branches - 1; b >= 0; b--) {
            BooleanVector condition = Booleans.of(conditions.get(b).evaluate(batch));
            boolean[] truth = condition.values();
            long[] validity = condition.validity();
            for (int i = 0; i < n; i++) {
                if (truth[i] && (validity == null || Bitmap.get(validity, i))) {
                    choice[i] = b;
                }
            }
        }
        List<Vector> parts = new ArrayList<>(branches + 1);
        for (Evaluator value : values) {
            parts.add(asType(value.evaluate(batch)));
        }
        parts.add(asType(otherwise.evaluate(batch)));
        Vector all = Vectors.concat(type, parts);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = choice[i] * n + i;
        }
        return all.take(rows, n);
    }

    private Vector asType(Vector vector) {
        return vector.type().equals(type) ? vector : Casts.cast(vector, type, false);
    }
}
