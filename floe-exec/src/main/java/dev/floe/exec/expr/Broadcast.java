package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
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
import java.util.Arrays;
import java.util.Collections;

/** Repeats one value into a vector of a given length. */
public final class Broadcast {
    private Broadcast() {
    }

    public static Vector of(DataType type, Object value, int length) {
        if (value == null) {
            return Vectors.nulls(type, length);
        }
        Vector one = Vectors.fromObjects(type, Collections.singletonList(value));
        return switch (one) {
            case IntVector v -> {
                int[] values = new int[length];
                Arrays.fill(values, v.get(0));
                yield new IntVector(type, values, null, length);
            }
            case LongVector v -> {
                long[] values = new long[length];
                Arrays.fill(values, v.get(0));
                yield new LongVector(type, values, null, length);
            }
            case DoubleVector v -> {
                double[] values = new double[length];
                Arrays.fill(values, v.get(0));
                yield new DoubleVector(type, values, null, length);
            }
            case BooleanVector v -> {
                boolean[] values = new boolean[length];
                Arrays.fill(values, v.get(0));
                yield new BooleanVector(values, null, length);
            }
            case BytesVector v -> {
                byte[] bytes = v.getBytes(0);
                byte[] data = new byte[bytes.length * length];
                int[] offsets = new int[length + 1];
                for (int i = 0; i < length; i++) {
                    System.arraycopy(bytes, 0, data, i * bytes.length, bytes.length);
                    offsets[i + 1] = (i + 1) * bytes.length;
                }
                yield new BytesVector(type, offsets, data, null, length);
            }
            case Int128Vector _, ListVector _, StructVector _, NullVector _ -> {
                int[] rows = new int[length];
                yield one.take(rows, length);
            }
        };
    }
}
