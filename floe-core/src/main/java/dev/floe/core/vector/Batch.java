package dev.floe.core.vector;

import dev.floe.core.FloeException;
import dev.floe.core.types.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A horizontal slice of a table: a schema, one vector per field, all of {@code rowCount} rows. */
public record Batch(Schema schema, List<Vector> columns, int rowCount) {
    public Batch {
        Objects.requireNonNull(schema, "schema");
        columns = List.copyOf(columns);
        if (columns.size() != schema.size()) {
            throw FloeException.internal("batch has " + columns.size() + " columns for a schema of " + schema.size());
        }
        for (int i = 0; i < columns.size(); i++) {
            Vector column = columns.get(i);
            if (column.length() != rowCount) {
                throw FloeException.internal("column '" + schema.field(i).name() + "' has " + column.length()
                        + " rows in a batch of " + rowCount);
            }
            if (!column.type().equals(schema.field(i).type())) {
                throw FloeException.internal("column '" + schema.field(i).name() + "' holds " + column.type()
                        + " where the schema says " + schema.field(i).type());
            }
        }
    }

    public Batch(Schema schema, List<Vector> columns) {
        this(schema, columns, columns.isEmpty() ? 0 : columns.getFirst().length());
    }

    public static Batch empty(Schema schema) {
        List<Vector> columns = new ArrayList<>(schema.size());
        for (var field : schema.fields()) {
            columns.add(Vectors.empty(field.type()));
        }
        return new Batch(schema, columns, 0);
    }

    public Vector column(int index) {
        return columns.get(index);
    }

    public Vector column(String name) {
        return columns.get(schema.require(name));
    }

    public int columnCount() {
        return columns.size();
    }

    public Batch take(int[] rows, int count) {
        List<Vector> taken = new ArrayList<>(columns.size());
        for (Vector column : columns) {
            taken.add(column.take(rows, count));
        }
        return new Batch(schema, taken, count);
    }

    public Batch slice(int offset, int length) {
        if (offset == 0 && length == rowCount) {
            return this;
        }
        List<Vector> sliced = new ArrayList<>(columns.size());
        for (Vector column : columns) {
            sliced.add(column.slice(offset, length));
        }
        return new Batch(schema, sliced, length);
    }

    /** The same columns under another schema of the same types (renaming). */
    public Batch withSchema(Schema newSchema) {
        return new Batch(newSchema, columns, rowCount);
    }

    /** A rough count of the heap bytes the batch's columns hold (their arrays, whole), to bound what is buffered. */
    public long estimatedBytes() {
        long bytes = 0;
        for (Vector column : columns) {
            bytes += estimatedBytes(column);
        }
        return bytes;
    }

    private static long estimatedBytes(Vector vector) {
        long validity = vector.validity() == null ? 0 : 8L * vector.validity().length;
        long values = switch (vector) {
            case BooleanVector booleans -> booleans.values().length;
            case IntVector ints -> 4L * ints.values().length;
            case LongVector longs -> 8L * longs.values().length;
            case DoubleVector doubles -> 8L * doubles.values().length;
            case BytesVector strings -> 4L * strings.offsets().length + strings.data().length;
            case Int128Vector wide -> 8L * (wide.high().length + wide.low().length);
            case ListVector list -> 4L * list.offsets().length + estimatedBytes(list.elements());
            case StructVector struct -> struct.children().stream().mapToLong(Batch::estimatedBytes).sum();
            case NullVector nulls -> 0;
        };
        return validity + values;
    }
}
