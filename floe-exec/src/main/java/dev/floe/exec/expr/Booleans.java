package dev.floe.exec.expr;

import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.Vector;

/** Boolean vector helpers: the Null type as all-null booleans, and "true and not null" masks. */
public final class Booleans {
    private Booleans() {
    }

    public static BooleanVector of(Vector vector) {
        if (vector instanceof NullVector nulls) {
            return new BooleanVector(new boolean[nulls.length()], Bitmap.allocate(nulls.length()), nulls.length());
        }
        return (BooleanVector) vector;
    }

    /** How many rows are true and not null. */
    public static int countTrue(BooleanVector mask) {
        boolean[] values = mask.values();
        long[] validity = mask.validity();
        int count = 0;
        int n = mask.length();
        for (int i = 0; i < n; i++) {
            if (values[i] && (validity == null || Bitmap.get(validity, i))) {
                count++;
            }
        }
        return count;
    }

    /**
     * The indices of the rows that are true and not null, in an array of exactly that length (a count pass first:
     * a selective filter then allocates little, where a row-sized array per batch was most of a scan's garbage).
     */
    public static int[] selection(BooleanVector mask) {
        boolean[] values = mask.values();
        long[] validity = mask.validity();
        int n = mask.length();
        int total = 0;
        if (validity == null) {
            for (int i = 0; i < n; i++) {
                total += values[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; i < n; i++) {
                total += values[i] && Bitmap.get(validity, i) ? 1 : 0;
            }
        }
        int[] rows = new int[total];
        int count = 0;
        if (validity == null) {
            for (int i = 0; count < total; i++) {
                rows[count] = i;
                count += values[i] ? 1 : 0;
            }
        } else {
            for (int i = 0; count < total; i++) {
                rows[count] = i;
                count += values[i] && Bitmap.get(validity, i) ? 1 : 0;
            }
        }
        return rows;
    }
}
