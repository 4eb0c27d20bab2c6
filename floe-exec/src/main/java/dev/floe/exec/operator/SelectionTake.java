package dev.floe.exec.operator;

import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the rows a filter keeps, given as increasing row indices. A filter that keeps most rows (q1 keeps 98 %)
 * leaves long runs of consecutive rows, so string columns are copied a run at a time instead of a row at a time;
 * other vectors use their own {@code take}.
 */
public final class SelectionTake {
    /** Runs of at most this many bytes are copied by a loop, which beats the call into the array copy. */
    private static final int INLINE_COPY_BYTES = 16;

    private SelectionTake() {
    }

    /** Rows {@code rows[0 .. count)} (strictly increasing) of every column of {@code input}. */
    public static Batch take(Batch input, int[] rows, int count) {
        List<Vector> taken = new ArrayList<>(input.columnCount());
        for (Vector column : input.columns()) {
            taken.add(take(column, rows, count));
        }
        return new Batch(input.schema(), taken, count);
    }

    /** Rows {@code rows[0 .. count)} (strictly increasing) of {@code vector}. */
    public static Vector take(Vector vector, int[] rows, int count) {
        if (vector instanceof BytesVector bytes) {
            return takeBytes(bytes, rows, count);
        }
        return vector.take(rows, count);
    }

    private static BytesVector takeBytes(BytesVector vector, int[] rows, int count) {
        int[] offsets = vector.offsets();
        byte[] data = vector.data();
        int[] outOffsets = new int[count + 1];
        long position = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            position += offsets[row + 1] - offsets[row];
            outOffsets[i + 1] = (int) position;
        }
        byte[] out = new byte[Math.toIntExact(position)];
        int i = 0;
        while (i < count) {
            int j = i + 1;
            while (j < count && rows[j] == rows[j - 1] + 1) {
                j++;
            }
            int start = offsets[rows[i]];
            int length = offsets[rows[j - 1] + 1] - start;
            int at = outOffsets[i];
            if (length <= INLINE_COPY_BYTES) {
                for (int k = 0; k < length; k++) {
                    out[at + k] = data[start + k];
                }
            } else {
                System.arraycopy(data, start, out, at, length);
            }
            i = j;
        }
        long[] validity = vector.validity() == null ? null : Bitmap.take(vector.validity(), rows, count);
        return new BytesVector(vector.type(), outOffsets, out, validity, count);
    }
}
