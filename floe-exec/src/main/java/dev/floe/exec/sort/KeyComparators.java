package dev.floe.exec.sort;

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
import dev.floe.exec.expr.ValueOrder;
import java.util.List;

/**
 * Row comparators over sort key columns: one primitive comparator per key type, direction and null placement
 * (nulls go first or last whatever the direction), chained key after key.
 */
public final class KeyComparators {
    private KeyComparators() {
    }

    public static RowComparator of(List<Vector> keys, boolean[] descending, boolean[] nullsLast) {
        RowComparator[] parts = new RowComparator[keys.size()];
        for (int k = 0; k < parts.length; k++) {
            parts[k] = of(keys.get(k), descending[k], nullsLast[k]);
        }
        if (parts.length == 1) {
            return parts[0];
        }
        return (a, b) -> {
            for (RowComparator part : parts) {
                int c = part.compare(a, b);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    public static RowComparator of(Vector key, boolean descending, boolean nullsLast) {
        RowComparator values = values(key, descending);
        long[] validity = key instanceof NullVector ? null : key.validity();
        if (key instanceof NullVector) {
            return (a, b) -> 0;
        }
        if (validity == null) {
            return values;
        }
        int nullSide = nullsLast ? 1 : -1;
        return (a, b) -> {
            boolean validA = Bitmap.get(validity, a);
            boolean validB = Bitmap.get(validity, b);
            if (validA && validB) {
                return values.compare(a, b);
            }
            if (validA == validB) {
                return 0;
            }
            return validA ? -nullSide : nullSide;
        };
    }

    private static RowComparator values(Vector key, boolean descending) {
        RowComparator ascending = switch (key) {
            case LongVector v when v.type() instanceof DataType.UInt64Type -> {
                long[] x = v.values();
                yield (a, b) -> Long.compareUnsigned(x[a], x[b]);
            }
            case LongVector v -> {
                long[] x = v.values();
                yield (a, b) -> Long.compare(x[a], x[b]);
            }
            case IntVector v -> {
                int[] x = v.values();
                yield (a, b) -> Integer.compare(x[a], x[b]);
            }
            case DoubleVector v -> {
                double[] x = v.values();
                yield (a, b) -> Double.compare(x[a], x[b]);
            }
            case BooleanVector v -> {
                boolean[] x = v.values();
                yield (a, b) -> Boolean.compare(x[a], x[b]);
            }
            case BytesVector v -> (a, b) -> BytesVector.compare(v, a, v, b);
            case Int128Vector _, ListVector _, StructVector _, NullVector _ ->
                    (a, b) -> key.isNull(a) || key.isNull(b) ? 0
                    : ValueOrder.compareObjects(key.getObject(a), key.getObject(b));
        };
        return descending ? (a, b) -> ascending.compare(b, a) : ascending;
    }
}
