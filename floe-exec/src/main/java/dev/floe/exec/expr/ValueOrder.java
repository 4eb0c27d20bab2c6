package dev.floe.exec.expr;

import java.util.Arrays;

/** Orders Java values of one column type (for the rare types without a primitive kernel). */
public final class ValueOrder {
    private ValueOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareObjects(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a instanceof Comparable comparable) {
            return comparable.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
