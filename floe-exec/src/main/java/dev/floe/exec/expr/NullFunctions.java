package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.List;

/** Kernels of null tests, fill_null, boolean not and numeric negation. */
final class NullFunctions {
    private NullFunctions() {
    }

    static Vector isNull(Vector input, boolean wantNull) {
        int n = input.length();
        boolean[] out = new boolean[n];
        long[] validity = input.validity();
        for (int i = 0; i < n; i++) {
            boolean valid = validity == null || Bitmap.get(validity, i);
            out[i] = valid != wantNull;
        }
        return new BooleanVector(out, null, n);
    }

    /** Rows of {@code input}, with null rows taken from {@code fill} (same type, same length). */
    static Vector fillNull(Vector input, Vector fill) {
        if (input.validity() == null) {
            return input;
        }
        int n = input.length();
        Vector both = Vectors.concat(input.type(), List.of(input, fill));
        int[] rows = new int[n];
        long[] validity = input.validity();
        for (int i = 0; i < n; i++) {
            rows[i] = Bitmap.get(validity, i) ? i : n + i;
        }
        return both.take(rows, n);
    }

    static Vector not(Vector input) {
        if (!(input.type() instanceof DataType.BooleanType) && input.type().isInteger()) {
            long[] values = Numbers.longs(input);
            long[] out = new long[input.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ~values[i];
            }
            return Numbers.fromLongs(input.type(), out, input.validity(), out.length);
        }
        BooleanVector booleans = Booleans.of(input);
        int n = booleans.length();
        boolean[] values = booleans.values();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = !values[i];
        }
        return new BooleanVector(out, booleans.validity(), n);
    }

    static Vector negate(Vector input) {
        int n = input.length();
        return switch (input) {
            case DoubleVector v -> {
                double[] out = new double[n];
                double[] values = v.values();
                for (int i = 0; i < n; i++) {
                    out[i] = -values[i];
                }
                yield new DoubleVector(v.type(), out, v.validity(), n);
            }
            case LongVector v -> {
                long[] out = new long[n];
                long[] values = v.values();
                for (int i = 0; i < n; i++) {
                    out[i] = -values[i];
                }
                yield new LongVector(v.type(), out, v.validity(), n);
            }
            case IntVector v -> {
                long[] out = new long[n];
                int[] values = v.values();
                for (int i = 0; i < n; i++) {
                    out[i] = -(long) values[i];
                }
                yield Numbers.fromLongs(v.type(), out, v.validity(), n);
            }
            case BooleanVector _, BytesVector _, Int128Vector _, ListVector _, StructVector _, NullVector _ ->
                    Casts.cast(input, input.type(), true);
        };
    }
}
