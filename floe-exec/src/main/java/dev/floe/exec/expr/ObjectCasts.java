package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Casts of the less common types (decimals, durations, times) through Java values, row by row. */
final class ObjectCasts {
    private ObjectCasts() {
    }

    static Vector cast(Vector input, DataType target, boolean strict) {
        int n = input.length();
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Object value = input.getObject(i);
            Object converted = value == null ? null : convert(value, target);
            if (value != null && converted == null) {
                Casts.fail(null, 0, 1, strict, value, target);
            }
            values.add(converted);
        }
        try {
            return Vectors.fromObjects(target, values);
        } catch (RuntimeException notConvertible) {
            Casts.fail(null, 0, 1, true, values, target);
            throw notConvertible;
        }
    }

    private static Object convert(Object value, DataType target) {
        BigDecimal number = switch (value) {
            case BigDecimal d -> d;
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> BigDecimal.valueOf(f);
            case Number x -> BigDecimal.valueOf(x.longValue());
            case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
            default -> null;
        };
        if (number == null) {
            return null;
        }
        return switch (target) {
            case DataType.DecimalType d -> number;
            case DataType.Float32Type t -> number.floatValue();
            case DataType.Float64Type t -> number.doubleValue();
            case DataType.Int8Type t -> number.intValue();
            case DataType.Int16Type t -> number.intValue();
            case DataType.Int32Type t -> number.intValue();
            case DataType.UInt8Type t -> number.intValue();
            case DataType.UInt16Type t -> number.intValue();
            case DataType.Int64Type t -> number.longValue();
            case DataType.UInt32Type t -> number.longValue();
            case DataType.UInt64Type t -> number.longValue();
            case DataType.BooleanType t -> number.signum() != 0;
            case DataType.StringType _, DataType.BinaryType _, DataType.DateType _, DataType.TimeType _,
                    DataType.NullType _, DataType.DatetimeType _, DataType.DurationType _, DataType.ListType _,
                    DataType.StructType _ -> null;
        };
    }
}
