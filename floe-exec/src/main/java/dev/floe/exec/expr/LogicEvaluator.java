package dev.floe.exec.expr;

import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.Vector;
import dev.floe.plan.function.BinaryOperator;

/**
 * Boolean {@code & | ^} with Kleene logic: {@code null & false} is false, {@code null | true} is true; xor of a
 * null is null.
 */
record LogicEvaluator(BinaryOperator operator, Evaluator left, Evaluator right) implements Evaluator {
    LogicEvaluator {
        switch (operator) {
            case AND, OR, XOR -> {
            }
            case ADD, SUBTRACT, MULTIPLY, TRUE_DIVIDE, FLOOR_DIVIDE, MODULO, POWER, EQUAL, NOT_EQUAL, LESS, LESS_EQUAL,
                    GREATER, GREATER_EQUAL -> throw FloeException.internal("not a logical operator: " + operator);
        }
    }

    @Override
    public Vector evaluate(Batch batch) {
        int n = batch.rowCount();
        BooleanVector a = Booleans.of(left.evaluate(batch));
        BooleanVector b = Booleans.of(right.evaluate(batch));
        boolean[] x = a.values();
        boolean[] y = b.values();
        long[] va = a.validity();
        long[] vb = b.validity();
        boolean[] out = new boolean[n];
        if (va == null && vb == null) {
            switch (operator) {
                case AND -> { for (int i = 0; i < n; i++) out[i] = x[i] & y[i]; }
                case OR -> { for (int i = 0; i < n; i++) out[i] = x[i] | y[i]; }
                case XOR -> { for (int i = 0; i < n; i++) out[i] = x[i] ^ y[i]; }
            }
            return new BooleanVector(out, null, n);
        }
        long[] validity = Bitmap.allSet(n);
        for (int i = 0; i < n; i++) {
            boolean validA = va == null || Bitmap.get(va, i);
            boolean validB = vb == null || Bitmap.get(vb, i);
            boolean p = x[i];
            boolean q = y[i];
            switch (operator) {
                case AND -> {
                    if (validA && validB) {
                        out[i] = p & q;
                    } else if ((validA && !p) || (validB && !q)) {
                        out[i] = false;
                    } else {
                        Bitmap.clear(validity, i);
                    }
                }
                case OR -> {
                    if (validA && validB) {
                        out[i] = p | q;
                    } else if ((validA && p) || (validB && q)) {
                        out[i] = true;
                    } else {
                        Bitmap.clear(validity, i);
                    }
                }
                case XOR -> {
                    if (validA && validB) {
                        out[i] = p ^ q;
                    } else {
                        Bitmap.clear(validity, i);
                    }
                }
            }
        }
        return new BooleanVector(out, Bitmap.normalize(validity, n), n);
    }
}
