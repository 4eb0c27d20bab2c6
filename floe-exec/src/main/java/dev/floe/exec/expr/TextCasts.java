package dev.floe.exec.expr;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.BytesVectorBuilder;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Casts to and from strings: formatting every type, parsing numbers, booleans, dates and datetimes. */
final class TextCasts {
    private TextCasts() {
    }

    static Vector format(Vector input) {
        int n = input.length();
        BytesVectorBuilder builder = Casts.stringBuilder(n);
        for (int i = 0; i < n; i++) {
            Object value = input.getObject(i);
            if (value == null) {
                builder.appendNull();
            } else if (value instanceof LocalDateTime dateTime) {
                builder.append(dateTime.toString().replace('T', ' '));
            } else if (value instanceof byte[] bytes) {
                builder.append(bytes);
            } else {
                builder.append(value.toString());
            }
        }
        return builder.build();
    }

    static Vector parse(BytesVector input, DataType target, boolean strict) {
        int n = input.length();
        List<Object> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (input.isNull(i)) {
                values.add(null);
                continue;
            }
            String text = input.getString(i);
            Object parsed = parseOne(text.strip(), target);
            if (parsed == null) {
                Casts.fail(null, 0, 1, strict, "'" + text + "'", target);
            }
            values.add(parsed);
        }
        return Vectors.fromObjects(target, values);
    }

    private static Object parseOne(String text, DataType target) {
        try {
            return switch (target) {
                case DataType.BooleanType t -> text.equalsIgnoreCase("true") ? Boolean.TRUE
                        : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                case DataType.Float32Type t -> (float) Double.parseDouble(text);
                case DataType.Float64Type t -> Double.parseDouble(text);
                case DataType.DateType t -> LocalDate.parse(text);
                case DataType.DatetimeType t -> LocalDateTime.parse(text.length() == 10 ? text + "T00:00:00"
                        : text.replace(' ', 'T'));
                case DataType.Int64Type t -> Long.parseLong(text);
                case DataType.UInt64Type t -> Long.parseUnsignedLong(text);
                case DataType.UInt32Type t -> inRange(Long.parseLong(text), target);
                case DataType.Int8Type t -> (int) inRange(Long.parseLong(text), target);
                case DataType.Int16Type t -> (int) inRange(Long.parseLong(text), target);
                case DataType.Int32Type t -> (int) inRange(Long.parseLong(text), target);
                case DataType.UInt8Type t -> (int) inRange(Long.parseLong(text), target);
                case DataType.UInt16Type t -> (int) inRange(Long.parseLong(text), target);
                case DataType.DecimalType t -> new java.math.BigDecimal(text);
                case DataType.BinaryType t -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                case DataType.StringType _, DataType.TimeType _, DataType.NullType _, DataType.DurationType _,
                        DataType.ListType _, DataType.StructType _ -> null;
            };
        } catch (RuntimeException notParsable) {
            return null;
        }
    }

    private static long inRange(long value, DataType target) {
        if (!Casts.fits(target, value)) {
            throw new NumberFormatException("out of range");
        }
        return value;
    }
}
