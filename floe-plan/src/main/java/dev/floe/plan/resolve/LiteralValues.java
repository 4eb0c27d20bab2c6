package dev.floe.plan.resolve;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.ObjectConverter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Converts the Java values users write in {@code lit()} and {@code is_in()} to the representation of a type. */
public final class LiteralValues {
    private LiteralValues() {
    }

    /** The type a literal gets when nothing else decides it: integers Int32 (Int64 when too big), floats Float64. */
    public static DataType defaultType(Object value) {
        return switch (value) {
            case null -> DataType.NULL;
            case Byte b -> DataType.INT32;
            case Short s -> DataType.INT32;
            case Integer i -> DataType.INT32;
            case Long l -> TypeCoercion.fits(l, DataType.INT32) ? DataType.INT32 : DataType.INT64;
            case Float f -> DataType.FLOAT64;
            case Double d -> DataType.FLOAT64;
            default -> ObjectConverter.inferType(List.of(value));
        };
    }

    /** Whether the literal is a Java integer written without a type (Polars' "dyn int"). */
    static boolean isDynamicInteger(Object value) {
        return value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long;
    }

    static boolean isDynamicFloat(Object value) {
        return value instanceof Float || value instanceof Double;
    }

    /**
     * The value as {@code Vector#getObject} returns it for {@code type}; a {@link ErrorCode#TYPE_MISMATCH} error
     * naming {@code context} when it does not convert.
     */
    public static Object convert(Object value, DataType type, String context) {
        if (value == null) {
            return null;
        }
        Object prepared = prepare(value, type, context);
        try {
            return ObjectConverter.toVector(type, List.of(prepared)).getObject(0);
        } catch (FloeException e) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, "value " + describe(value) + " in " + context
                    + " cannot be converted to " + type + ": " + e.getMessage(), e);
        }
    }

    private static Object prepare(Object value, DataType type, String context) {
        try {
            return switch (type) {
                case DataType.Float32Type t when value instanceof Number n -> n.doubleValue();
                case DataType.Float64Type t when value instanceof Number n -> n.doubleValue();
                case DataType.DecimalType t when value instanceof Number n && !(value instanceof BigDecimal) ->
                        isDynamicInteger(value) ? BigDecimal.valueOf(n.longValue()) : BigDecimal.valueOf(n.doubleValue());
                case DataType.DateType t when value instanceof String s -> LocalDate.parse(s);
                case DataType.DateType t when value instanceof LocalDateTime d -> d.toLocalDate();
                case DataType.DatetimeType t when value instanceof String s ->
                        zoned(s.length() <= 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s), t);
                case DataType.DatetimeType t when value instanceof LocalDate d -> zoned(d.atStartOfDay(), t);
                case DataType.DatetimeType t when value instanceof LocalDateTime d -> zoned(d, t);
                case DataType.BooleanType _, DataType.Int8Type _, DataType.Int16Type _, DataType.Int32Type _,
                        DataType.Int64Type _, DataType.UInt8Type _, DataType.UInt16Type _,
                        DataType.UInt32Type _, DataType.UInt64Type _, DataType.Float32Type _,
                        DataType.Float64Type _, DataType.StringType _, DataType.BinaryType _,
                        DataType.DateType _, DataType.TimeType _, DataType.NullType _, DataType.DatetimeType _,
                        DataType.DurationType _, DataType.DecimalType _, DataType.ListType _,
                        DataType.StructType _ -> value;
            };
        } catch (DateTimeParseException e) {
            throw new FloeException(ErrorCode.TYPE_MISMATCH, "value " + describe(value) + " in " + context
                    + " is not a valid " + type + " (expected ISO format such as 2024-01-31)", e);
        }
    }

    private static Object zoned(LocalDateTime local, DataType.DatetimeType type) {
        if (type.timeZone() == null) {
            return local;
        }
        return local.atZone(ZoneOffset.UTC).withZoneSameInstant(ZoneId.of(type.timeZone()));
    }

    static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
