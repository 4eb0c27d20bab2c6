package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;
import dev.floe.core.vector.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.Type;

/**
 * One comparable domain for statistics and predicate constants: numbers, dates, times and booleans as
 * {@link BigDecimal} (in the column's stored unit), strings and binary as unsigned byte strings.
 */
final class StatisticsValues {
    private StatisticsValues() {
    }

    /** Byte strings ordered as unsigned bytes (the order of UTF-8 code points). */
    record Bytes(byte[] value) implements Comparable<Bytes> {
        @Override
        public int compareTo(Bytes other) {
            return Arrays.compareUnsigned(value, other.value);
        }

        boolean startsWith(byte[] prefix) {
            return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
        }
    }

    /** A row group's statistics of a primitive top-level column, or unknown bounds. */
    static ValueRange range(ParquetNode.Primitive column, Statistics statistics, long rows) {
        if (statistics == null) {
            return new ValueRange(null, null, -1, rows);
        }
        long nulls = statistics.isSetNull_count() ? statistics.getNull_count() : -1;
        byte[] min = null;
        byte[] max = null;
        if (statistics.isSetMin_value() && statistics.isSetMax_value()) {
            min = statistics.getMin_value();
            max = statistics.getMax_value();
        } else if (statistics.isSetMin() && statistics.isSetMax() && signedOrderIsRight(column)) {
            min = statistics.getMin();
            max = statistics.getMax();
        }
        Comparable<Object> low = min == null ? null : decode(column, min);
        Comparable<Object> high = max == null ? null : decode(column, max);
        if (low == null || high == null) {
            return new ValueRange(null, null, nulls, rows);
        }
        return new ValueRange(low, high, nulls, rows);
    }

    /** The deprecated min/max fields were written in signed order: usable only where that is the type's order. */
    private static boolean signedOrderIsRight(ParquetNode.Primitive column) {
        SchemaElement element = column.element();
        if (column.type().isUnsignedInteger() || column.type() instanceof DataType.DecimalType) {
            return false;
        }
        return switch (element.getType()) {
            case BOOLEAN, INT32, INT64, FLOAT, DOUBLE -> !(element.isSetConverted_type()
                    && element.getConverted_type().name().startsWith("UINT"));
            default -> false;
        };
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> decode(ParquetNode.Primitive column, byte[] bytes) {
        Object value = decodeValue(column, bytes);
        return (Comparable<Object>) value;
    }

    private static Object decodeValue(ParquetNode.Primitive column, byte[] bytes) {
        Type physical = column.element().getType();
        DataType type = column.type();
        switch (physical) {
            case BOOLEAN -> {
                return bytes.length < 1 ? null : BigDecimal.valueOf(bytes[0] & 1);
            }
            case INT32 -> {
                if (bytes.length < 4) {
                    return null;
                }
                long raw = littleEndian(bytes, 4);
                long value = type.isUnsignedInteger() ? raw & 0xFFFFFFFFL : (int) raw;
                return scaled(type, BigDecimal.valueOf(value), column.element());
            }
            case INT64 -> {
                if (bytes.length < 8) {
                    return null;
                }
                long raw = littleEndian(bytes, 8);
                BigDecimal value = type instanceof DataType.UInt64Type
                        ? new BigDecimal(new BigInteger(Long.toUnsignedString(raw))) : BigDecimal.valueOf(raw);
                return scaled(type, value, column.element());
            }
            case FLOAT -> {
                if (bytes.length < 4) {
                    return null;
                }
                float value = Float.intBitsToFloat((int) littleEndian(bytes, 4));
                return Float.isFinite(value) ? new BigDecimal(value) : null;
            }
            case DOUBLE -> {
                if (bytes.length < 8) {
                    return null;
                }
                double value = Double.longBitsToDouble(littleEndian(bytes, 8));
                return Double.isFinite(value) ? new BigDecimal(value) : null;
            }
            case BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY -> {
                if (type instanceof DataType.DecimalType decimal) {
                    if (bytes.length == 0 || bytes.length > 16) {
                        return null;
                    }
                    return new BigDecimal(new BigInteger(bytes), decimal.scale());
                }
                if (type instanceof DataType.StringType || type instanceof DataType.BinaryType) {
                    return new Bytes(bytes);
                }
                return null;
            }
            case INT96 -> {
                return null;
            }
        }
        return null;
    }

    /** Decimals compare as their value, times in nanoseconds; other types as the stored integer. */
    private static Object scaled(DataType type, BigDecimal raw, SchemaElement element) {
        if (type instanceof DataType.DecimalType decimal) {
            return raw.movePointLeft(decimal.scale());
        }
        if (type instanceof DataType.TimeType) {
            long factor = 1;
            if (element.isSetLogicalType() && element.getLogicalType().isSetTIME()) {
                factor = 1_000_000_000L / ParquetTypes.unit(element.getLogicalType().getTIME().getUnit()).perSecond();
            } else if (element.getConverted_type() == ConvertedType.TIME_MILLIS) {
                factor = 1_000_000L;
            } else if (element.getConverted_type() == ConvertedType.TIME_MICROS) {
                factor = 1_000L;
            }
            return raw.multiply(BigDecimal.valueOf(factor));
        }
        return raw;
    }

    private static long littleEndian(byte[] bytes, int width) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (bytes[i] & 0xFFL) << (8 * i);
        }
        return value;
    }

    /** A predicate constant in the domain of a column of type {@code type}, or null when it cannot be compared. */
    @SuppressWarnings("unchecked")
    static Comparable<Object> constant(DataType type, Object value) {
        Object converted = convert(type, value);
        return (Comparable<Object>) converted;
    }

    private static Object convert(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type instanceof DataType.StringType || type instanceof DataType.BinaryType) {
            if (value instanceof String text) {
                return new Bytes(text.getBytes(StandardCharsets.UTF_8));
            }
            return value instanceof byte[] bytes ? new Bytes(bytes) : null;
        }
        if (type instanceof DataType.BooleanType) {
            return value instanceof Boolean flag ? BigDecimal.valueOf(flag ? 1 : 0) : null;
        }
        if (type instanceof DataType.DateType) {
            return value instanceof LocalDate date ? BigDecimal.valueOf(date.toEpochDay()) : null;
        }
        if (type instanceof DataType.DatetimeType datetime) {
            Instant instant = switch (value) {
                case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
                case ZonedDateTime zoned -> zoned.toInstant();
                case OffsetDateTime offset -> offset.toInstant();
                case Instant at -> at;
                default -> null;
            };
            return instant == null ? null : BigDecimal.valueOf(Values.fromInstant(datetime.unit(), instant));
        }
        if (type instanceof DataType.TimeType) {
            return value instanceof java.time.LocalTime time ? BigDecimal.valueOf(time.toNanoOfDay()) : null;
        }
        if (type instanceof DataType.DurationType duration) {
            if (value instanceof java.time.Duration length) {
                BigDecimal nanos = new BigDecimal(BigInteger.valueOf(length.getSeconds()).multiply(
                        BigInteger.valueOf(1_000_000_000L)).add(BigInteger.valueOf(length.getNano())));
                return nanos.multiply(BigDecimal.valueOf(duration.unit().perSecond()))
                        .divide(BigDecimal.valueOf(TimeUnit.NANOSECONDS.perSecond()));
            }
            return null;
        }
        if (type.isNumeric()) {
            return switch (value) {
                case BigDecimal decimal -> decimal;
                case BigInteger integer -> new BigDecimal(integer);
                case Double d -> Double.isFinite(d) ? new BigDecimal(d) : null;
                case Float f -> Float.isFinite(f) ? new BigDecimal(f) : null;
                case Number number -> BigDecimal.valueOf(number.longValue());
                default -> null;
            };
        }
        return null;
    }
}
