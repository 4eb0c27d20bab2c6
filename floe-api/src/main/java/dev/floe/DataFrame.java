package dev.floe;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.ObjectConverter;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.plan.dsl.DslPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Data in memory, as Polars' {@code DataFrame}: a schema and equal-length columns. Made from Java values
 * ({@link #of(Map)}, {@link #builder()}) or by {@link LazyFrame#collect()}; {@link #lazy()} queries it;
 * {@link #toString()} prints it as Polars does.
 */
public final class DataFrame {
    private final Batch data;

    private DataFrame(Batch data) {
        this.data = data;
    }

    /** Columns by name in map order, each a list of Java values; types inferred as Polars would. */
    public static DataFrame of(Map<String, ? extends List<?>> columns) {
        Builder builder = builder();
        columns.forEach(builder::column);
        return builder.build();
    }

    public static DataFrame fromBatches(Schema schema, List<Batch> batches) {
        return new DataFrame(Vectors.concatBatches(schema, batches));
    }

    public static DataFrame empty(Schema schema) {
        return new DataFrame(Batch.empty(schema));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a frame column by column from Java values. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();
        private final List<Vector> columns = new ArrayList<>();

        private Builder() {
        }

        /** A column whose type is inferred from its first non-null value (all nulls: type Null). */
        public Builder column(String name, List<?> values) {
            return column(name, ObjectConverter.inferType(values), values);
        }

        public Builder column(String name, DataType type, List<?> values) {
            Objects.requireNonNull(name, "name");
            if (!columns.isEmpty() && columns.getFirst().length() != values.size()) {
                throw FloeException.invalidArgument("column '" + name + "' has " + values.size()
                        + " values but the frame has " + columns.getFirst().length() + " rows");
            }
            fields.add(Field.of(name, type));
            columns.add(Vectors.fromObjects(type, values));
            return this;
        }

        public DataFrame build() {
            Schema schema = new Schema(fields);
            return new DataFrame(new Batch(schema, columns, columns.isEmpty() ? 0 : columns.getFirst().length()));
        }
    }

    public Schema schema() {
        return data.schema();
    }

    public int height() {
        return data.rowCount();
    }

    public int width() {
        return data.columnCount();
    }

    public List<String> columns() {
        return data.schema().names();
    }

    public Series column(String name) {
        return new Series(name, data.column(name));
    }

    public Series column(int index) {
        return new Series(schema().field(index).name(), data.column(index));
    }

    /** The whole frame as one batch. */
    public Batch toBatch() {
        return data;
    }

    /** The value at a row and column as a Java object (see {@code Vector#getObject}). */
    public Object get(int row, String column) {
        checkRow(row);
        return data.column(column).getObject(row);
    }

    public List<Object> row(int index) {
        checkRow(index);
        List<Object> row = new ArrayList<>(width());
        for (Vector column : data.columns()) {
            row.add(column.getObject(index));
        }
        return row;
    }

    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>(height());
        for (int i = 0; i < height(); i++) {
            rows.add(row(i));
        }
        return rows;
    }

    /** Columns by name, each as a list of Java values. */
    public Map<String, List<Object>> toMap() {
        Map<String, List<Object>> map = new LinkedHashMap<>();
        for (int c = 0; c < width(); c++) {
            map.put(schema().field(c).name(), column(c).toList());
        }
        return map;
    }

    private void checkRow(int row) {
        if (row < 0 || row >= height()) {
            throw FloeException.invalidArgument("row " + row + " is out of range for a frame of " + height()
                    + " rows");
        }
    }

    public LazyFrame lazy() {
        return new LazyFrame(new DslPlan.InMemory(schema(), List.of(data)));
    }

    /**
     * Whether the frames have the same schema and values; floats may differ by {@code tolerance} (absolute or
     * relative), NaN equals NaN; with {@code ignoreRowOrder} rows are compared as multisets.
     */
    public boolean frameEquals(DataFrame other, double tolerance, boolean ignoreRowOrder) {
        return FrameComparison.difference(this, other, tolerance, ignoreRowOrder) == null;
    }

    /** Fails with an AssertionError describing the first difference (a test helper, as Polars' assert_frame_equal). */
    public static void assertEquals(DataFrame expected, DataFrame actual, double tolerance, boolean ignoreRowOrder) {
        String difference = FrameComparison.difference(expected, actual, tolerance, ignoreRowOrder);
        if (difference != null) {
            throw new AssertionError(difference + "\nexpected:\n" + expected + "\nactual:\n" + actual);
        }
    }

    public static void assertEquals(DataFrame expected, DataFrame actual) {
        assertEquals(expected, actual, 0, false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataFrame frame && frameEquals(frame, 0, false);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema(), height());
    }

    /** Polars' table: {@code shape: (rows, cols)}, names, dtypes, and at most 10 rows (5 first, 5 last). */
    @Override
    public String toString() {
        return FramePrinter.print(this);
    }
}
