package dev.floe.core.vector;

import dev.floe.core.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Structs: one child vector per field, all of the struct's length, plus the struct's own validity. */
public final class StructVector implements Vector {
    private final DataType.StructType type;
    private final List<Vector> children;
    private final long[] validity;
    private final int length;

    public StructVector(DataType.StructType type, List<Vector> children, long[] validity, int length) {
        this.children = List.copyOf(children);
        VectorChecks.checkLength(length, validity, length);
        VectorChecks.checkType(type, this.children.size() == type.fields().size(), "StructVector with "
                + this.children.size() + " children");
        for (int i = 0; i < this.children.size(); i++) {
            Vector child = this.children.get(i);
            VectorChecks.checkType(child.type(), child.type().equals(type.fields().get(i).type())
                    && child.length() == length, "StructVector field " + type.fields().get(i).name());
        }
        this.type = type;
        this.validity = validity;
        this.length = length;
    }

    @Override
    public DataType.StructType type() {
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

    public List<Vector> children() {
        return children;
    }

    @Override
    public StructVector take(int[] rows, int count) {
        List<Vector> taken = new ArrayList<>(children.size());
        for (Vector child : children) {
            taken.add(child.take(rows, count));
        }
        return new StructVector(type, taken, Bitmap.take(validity, rows, count), count);
    }

    @Override
    public StructVector slice(int offset, int length) {
        VectorChecks.checkSlice(offset, length, this.length);
        List<Vector> sliced = new ArrayList<>(children.size());
        for (Vector child : children) {
            sliced.add(child.slice(offset, length));
        }
        return new StructVector(type, sliced, Bitmap.slice(validity, offset, length), length);
    }

    @Override
    public Object getObject(int row) {
        if (isNull(row)) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            values.put(type.fields().get(i).name(), children.get(i).getObject(row));
        }
        return values;
    }
}
