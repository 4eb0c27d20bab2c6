package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Hive partition values (strings from a path) as typed constants: vectors of one repeated value, statistics. */
final class PartitionValues {
    private PartitionValues() {
    }

    static Vector constant(DataType type, String value, int rows) {
        if (value == null) {
            return Vectors.nulls(type, rows);
        }
        return switch (type) {
            case DataType.Int64Type t -> {
                long[] values = new long[rows];
                Arrays.fill(values, Long.parseLong(value));
                yield new LongVector(type, values, null, rows);
            }
            case DataType.Float64Type t -> {
                double[] values = new double[rows];
                Arrays.fill(values, Double.parseDouble(value));
                yield new DoubleVector(type, values, null, rows);
            }
            case DataType.StringType t -> {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                byte[] data = new byte[Math.multiplyExact(bytes.length, rows)];
                int[] offsets = new int[rows + 1];
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(bytes, 0, data, i * bytes.length, bytes.length);
                    offsets[i + 1] = (i + 1) * bytes.length;
                }
                yield new BytesVector(type, offsets, data, null, rows);
            }
            default -> throw new FloeException(ErrorCode.INTERNAL, "hive partition column of type " + type);
        };
    }

    @SuppressWarnings("unchecked")
    static ValueRange range(DataType type, String value, long rows) {
        if (value == null) {
            return new ValueRange(null, null, rows, rows);
        }
        Object key = switch (type) {
            case DataType.StringType t -> new StatisticsValues.Bytes(value.getBytes(StandardCharsets.UTF_8));
            case DataType.Int64Type t -> new BigDecimal(value);
            case DataType.Float64Type t -> new BigDecimal(value);
            default -> null;
        };
        Comparable<Object> bound = (Comparable<Object>) key;
        return new ValueRange(bound, bound, 0, rows);
    }
}
