package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import dev.floe.io.ScanTask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a file source adds after a file's own columns: hive partition values and the optional file
 * path column, one constant per task. Shared by the CSV and Arrow IPC sources.
 */
public final class ConstantColumns {
    /** The option naming the column that holds each row's file path (absent: no such column). */
    public static final String INCLUDE_FILE_PATHS = "include_file_paths";

    private final List<Field> partitionFields;
    private final String pathColumn;

    public ConstantColumns(List<Field> partitionFields, String pathColumn) {
        this.partitionFields = List.copyOf(partitionFields);
        this.pathColumn = pathColumn == null || pathColumn.isEmpty() ? null : pathColumn;
    }

    /** The file columns followed by the partition columns and the path column. */
    public Schema extend(Schema fileSchema) {
        List<Field> fields = new ArrayList<>(fileSchema.fields());
        fields.addAll(partitionFields);
        if (pathColumn != null) {
            fields.add(Field.of(pathColumn, DataType.STRING));
        }
        return new Schema(fields);
    }

    /** The constant vector for a non-file column of the task, or {@code null} if {@code name} is not one. */
    public Vector vector(String name, ScanTask task, int rows) {
        if (name.equals(pathColumn)) {
            return repeat(task.path(), rows);
        }
        for (Field field : partitionFields) {
            if (field.name().equals(name)) {
                return constant(field, task.partitionValues().get(name), rows, task);
            }
        }
        return null;
    }

    private static Vector constant(Field field, String value, int rows, ScanTask task) {
        if (value == null) {
            return Vectors.nulls(field.type(), rows);
        }
        try {
            return switch (field.type()) {
                case DataType.Int64Type t -> {
                    long[] values = new long[rows];
                    java.util.Arrays.fill(values, Long.parseLong(value));
                    yield new LongVector(t, values, null, rows);
                }
                case DataType.Float64Type t -> {
                    double[] values = new double[rows];
                    java.util.Arrays.fill(values, Double.parseDouble(value));
                    yield new DoubleVector(t, values, null, rows);
                }
                default -> repeat(value, rows);
            };
        } catch (NumberFormatException e) {
            throw new FloeException(ErrorCode.SCHEMA_MISMATCH, "hive partition value '" + value + "' of column '"
                    + field.name() + "' in " + task.path() + " is not a " + field.type());
        }
    }

    private static BytesVector repeat(String value, int rows) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[Math.multiplyExact(bytes.length, rows)];
        int[] offsets = new int[rows + 1];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(bytes, 0, data, i * bytes.length, bytes.length);
            offsets[i + 1] = (i + 1) * bytes.length;
        }
        return new BytesVector(DataType.STRING, offsets, data, null, rows);
    }
}
