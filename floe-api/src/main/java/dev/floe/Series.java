package dev.floe;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import java.util.ArrayList;
import java.util.List;

/** One named column of a {@link DataFrame}: its vector and helpers that read values as Java objects. */
public record Series(String name, Vector vector) {
    public DataType dtype() {
        return vector.type();
    }

    public int len() {
        return vector.length();
    }

    public int nullCount() {
        return vector.nullCount();
    }

    public boolean isNull(int row) {
        return vector.isNull(row);
    }

    /** The value of a row as {@code Vector#getObject} returns it, or null. */
    public Object get(int row) {
        if (row < 0 || row >= vector.length()) {
            throw dev.floe.core.FloeException.invalidArgument("row " + row + " is out of range for a series of "
                    + vector.length() + " values");
        }
        return vector.getObject(row);
    }

    public List<Object> toList() {
        List<Object> values = new ArrayList<>(vector.length());
        for (int i = 0; i < vector.length(); i++) {
            values.add(vector.getObject(i));
        }
        return values;
    }

    @Override
    public String toString() {
        return "Series('" + name + "', " + dtype() + ", " + toList() + ")";
    }
}
