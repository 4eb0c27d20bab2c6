package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Lists: row {@code i} is {@code elements[offsets[i] .. offsets[i + 1])}. */
public final class ListVector implements Vector {
    private final DataType.ListType type;
    private final int[] offsets;
    private final Vector elements;
    private final long[] validity;
    private final int length;

    public ListVector(DataType.ListType type, int[] offsets, Vector elements, long[] validity, int length) {
        VectorChecks.checkLength(offsets.length - 1, validity, length);
        VectorChecks.checkType(elements.type(), elements.type().equals(type.inner()), "ListVector of " + type);
        this.type = type;
        this.offsets = offsets;
        this.elements = elements;
        this.validity = validity;
        this.length = length;
    }

    @Override
    public DataType.ListType type() {
        return type;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public long[] validity() {
        return validity;
    }

    public int[] offsets() {
        return offsets;
    }

    public Vector elements() {
        return elements;
    }

    @Override
    public ListVector take(int[] rows, int count) {
        int[] outOffsets = new int[count + 1];
        int total = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (row >= 0) {
                total += offsets[row + 1] - offsets[row];
            }
            outOffsets[i + 1] = total;
        }
        int[] elementRows = new int[total];
        int position = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (row >= 0) {
                for (int e = offsets[row]; e < offsets[row + 1]; e++) {
                    elementRows[position++] = e;
                }
            }
        }
        return new ListVector(type, outOffsets, elements.take(elementRows, total),
                Bitmap.take(validity, rows, count), count);
    }

    @Override
    public ListVector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        int[] rows = new int[length];
        for (int i = 0; i < length; i++) {
            rows[i] = offset + i;
        }
        ListVector taken = take(rows, length);
        return new ListVector(type, taken.offsets, taken.elements, Bitmap.slice(validity, offset, length), length);
    }

    @Override
    public Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        List<Object> values = new ArrayList<>(offsets[row + 1] - offsets[row]);
        for (int e = offsets[row]; e < offsets[row + 1]; e++) {
            values.add(elements.getObject(e));
        }
        return values;
    }
}
