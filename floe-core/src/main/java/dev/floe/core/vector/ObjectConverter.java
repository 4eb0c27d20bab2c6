package dev.floe.core.vector;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.TimeUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Java objects to vectors and back to types: how in-memory frames and literals enter Floe. */
public final class ObjectConverter {
    private ObjectConverter() {
    }

    /** The type Polars would give a column of these Java values (the first non-null value decides). */
    public static DataType inferType(List<?> values) {
        for (Object value : values) {
            if (value != null) {
                return inferType(value, values);
            }
        }
        return DataType.NULL;
    }

    private static DataType inferType(Object value, List<?> all) {
        return switch (value) {
            case Boolean b -> DataType.BOOLEAN;
            case Byte b -> DataType.INT8;
            case Short s -> DataType.INT16;
            case Integer i -> DataType.INT32;
            case Long l -> DataType.INT64;
            case Float f -> DataType.FLOAT32;
            case Double d -> DataType.FLOAT64;
            case String s -> DataType.STRING;
            case byte[] b -> DataType.BINARY;
            case LocalDate d -> DataType.DATE;
            case LocalDateTime d -> DataType.datetime(TimeUnit.MICROSECONDS);
            case ZonedDateTime d -> DataType.datetime(TimeUnit.MICROSECONDS, d.getZone().getId());
            case LocalTime t -> DataType.TIME;
            case Duration d -> DataType.duration(TimeUnit.MICROSECONDS);
            case BigDecimal d -> inferDecimal(all);
            case List<?> list -> DataType.list(inferType(flatten(all)));
            case Map<?, ?> map -> inferStruct(all);
            default -> throw FloeException.invalidArgument("cannot store a value of Java class "
                    + value.getClass().getName() + " in a column; use Boolean, Integer, Long, Double, String, "
                    + "LocalDate, LocalDateTime, BigDecimal, List or Map");
        };
    }

    private static DataType inferDecimal(List<?> all) {
        int scale = 0;
        int integerDigits = 1;
        for (Object value : all) {
            if (value instanceof BigDecimal decimal) {
                scale = Math.max(scale, Math.max(decimal.scale(), 0));
                integerDigits = Math.max(integerDigits, decimal.precision() - decimal.scale());
            }
        }
        return DataType.decimal(Math.min(DataType.DecimalType.MAX_PRECISION, Math.max(integerDigits + scale, 1)), scale);
    }

    private static List<Object> flatten(List<?> lists) {
        List<Object> flat = new ArrayList<>();
        for (Object value : lists) {
            if (value instanceof List<?> list) {
                flat.addAll(list);
            }
        }
        return flat;
    }

    private static DataType inferStruct(List<?> all) {
        Map<?, ?> first = null;
        for (Object value : all) {
            if (value instanceof Map<?, ?> map) {
                first = map;
                break;
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Object key : first.keySet()) {
            List<Object> children = new ArrayList<>();
            for (Object value : all) {
                children.add(value instanceof Map<?, ?> map ? map.get(key) : null);
            }
            fields.add(new Field(String.valueOf(key), inferType(children)));
        }
        return DataType.struct(fields);
    }

    public static Vector toVector(DataType type, List<?> values) {
        int length = values.size();
        long[] validity = Bitmap.allSet(length);
        for (int i = 0; i < length; i++) {
            if (values.get(i) == null) {
                Bitmap.clear(validity, i);
            }
        }
        validity = Bitmap.normalize(validity, length);
        return switch (type) {
            case DataType.BooleanType t -> {
                boolean[] out = new boolean[length];
                for (int i = 0; i < length; i++) {
                    Object v = values.get(i);
                    out[i] = v != null && (Boolean) expect(v, Boolean.class, type);
                }
                yield new BooleanVector(out, validity, length);
            }
            case DataType.Int8Type t -> ints(type, values, validity, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case DataType.Int16Type t -> ints(type, values, validity, Short.MIN_VALUE, Short.MAX_VALUE);
            case DataType.Int32Type t -> ints(type, values, validity, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case DataType.UInt8Type t -> ints(type, values, validity, 0, 255);
            case DataType.UInt16Type t -> ints(type, values, validity, 0, 65535);
            case DataType.DateType t -> {
                int[] out = new int[length];
                for (int i = 0; i < length; i++) {
                    Object v = values.get(i);
                    out[i] = v == null ? 0 : Math.toIntExact(expect(v, LocalDate.class, type).toEpochDay());
                }
                yield new IntVector(type, out, validity, length);
            }
            case DataType.Int64Type t -> longs(type, values, validity);
            case DataType.UInt32Type t -> longs(type, values, validity);
            case DataType.UInt64Type t -> longs(type, values, validity);
            case DataType.DatetimeType datetime -> {
                long[] out = new long[length];
                for (int i = 0; i < length; i++) {
                    Object v = values.get(i);
                    out[i] = v == null ? 0 : switch (v) {
                        case LocalDateTime local -> Values.fromInstant(datetime.unit(), local.toInstant(ZoneOffset.UTC));
                        case ZonedDateTime zoned -> Values.fromInstant(datetime.unit(), zoned.toInstant());
                        default -> throw mismatch(v, type);
                    };
                }
                yield new LongVector(type, out, validity, length);
            }
            case DataType.DurationType duration -> {
                long[] out = new long[length];
                for (int i = 0; i < length; i++) {
                    Object v = values.get(i);
                    if (v != null) {
                        Duration d = expect(v, Duration.class, type);
                        out[i] = Math.addExact(Math.multiplyExact(d.getSeconds(), duration.unit().perSecond()),
                                d.getNano() / (1_000_000_000L / duration.unit().perSecond()));
                    }
                }
                yield new LongVector(type, out, validity, length);
            }
            case DataType.TimeType t -> {
                long[] out = new long[length];
                for (int i = 0; i < length; i++) {
                    Object v = values.get(i);
                    out[i] = v == null ? 0 : expect(v, LocalTime.class, type).toNanoOfDay();
                }
                yield new LongVector(type, out, validity, length);
            }
            case DataType.DecimalType decimal -> decimals(decimal, values, validity);
            case DataType.Float32Type t -> doubles(type, values, validity);
            case DataType.Float64Type t -> doubles(type, values, validity);
            case DataType.StringType t -> {
                BytesVectorBuilder builder = new BytesVectorBuilder(type, length);
                for (Object v : values) {
                    if (v == null) {
                        builder.appendNull();
                    } else {
                        builder.append(expect(v, String.class, type));
                    }
                }
                yield builder.build();
            }
            case DataType.BinaryType t -> {
                BytesVectorBuilder builder = new BytesVectorBuilder(type, length);
                for (Object v : values) {
                    if (v == null) {
                        builder.appendNull();
                    } else {
                        builder.append(expect(v, byte[].class, type));
                    }
                }
                yield builder.build();
            }
            case DataType.NullType t -> {
                for (Object v : values) {
                    if (v != null) {
                        throw mismatch(v, type);
                    }
                }
                yield new NullVector(length);
            }
            case DataType.ListType list -> {
                int[] offsets = new int[length + 1];
                List<Object> elements = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    Object v = values.get(i);
                    if (v != null) {
                        elements.addAll(expect(v, List.class, type));
                    }
                    offsets[i + 1] = elements.size();
                }
                yield new ListVector(list, offsets, toVector(list.inner(), elements), validity, length);
            }
            case DataType.StructType struct -> {
                List<Vector> children = new ArrayList<>();
                for (Field field : struct.fields()) {
                    List<Object> child = new ArrayList<>(length);
                    for (Object v : values) {
                        child.add(v == null ? null : expect(v, Map.class, type).get(field.name()));
                    }
                    children.add(toVector(field.type(), child));
                }
                yield new StructVector(struct, children, validity, length);
            }
        };
    }

    private static IntVector ints(DataType type, List<?> values, long[] validity, long min, long max) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            if (v != null) {
                long value = integral(v, type);
                if (value < min || value > max) {
                    throw new FloeException(ErrorCode.INVALID_ARGUMENT,
                            "value " + value + " is out of range for " + type + " [" + min + ", " + max + "]");
                }
                out[i] = (int) value;
            }
        }
        return new IntVector(type, out, validity, out.length);
    }

    private static LongVector longs(DataType type, List<?> values, long[] validity) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            if (v != null) {
                long value = integral(v, type);
                if (type instanceof DataType.UInt32Type && (value < 0 || value > 0xFFFF_FFFFL)) {
                    throw FloeException.invalidArgument("value " + value + " is out of range for " + type
                            + " [0, 4294967295]");
                }
                if (type instanceof DataType.UInt64Type && value < 0 && !(v instanceof BigInteger)) {
                    throw FloeException.invalidArgument("value " + value + " is out of range for " + type
                            + " [0, 18446744073709551615]; give values above " + Long.MAX_VALUE + " as BigInteger");
                }
                out[i] = value;
            }
        }
        return new LongVector(type, out, validity, out.length);
    }

    private static long integral(Object v, DataType type) {
        return switch (v) {
            case Byte b -> b;
            case Short s -> s;
            case Integer i -> i;
            case Long l -> l;
            case BigInteger big when big.bitLength() <= 64 && type instanceof DataType.UInt64Type && big.signum() >= 0 ->
                    big.longValue();
            default -> throw mismatch(v, type);
        };
    }

    private static DoubleVector doubles(DataType type, List<?> values, long[] validity) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = values.get(i);
            if (v != null) {
                if (!(v instanceof Number number) || v instanceof BigDecimal || v instanceof BigInteger) {
                    throw mismatch(v, type);
                }
                double value = number.doubleValue();
                out[i] = type instanceof DataType.Float32Type ? (float) value : value;
            }
        }
        return new DoubleVector(type, out, validity, out.length);
    }

    private static Vector decimals(DataType.DecimalType type, List<?> values, long[] validity) {
        int length = values.size();
        long[] low = new long[length];
        long[] high = Int128Vector.accepts(type) ? new long[length] : null;
        for (int i = 0; i < length; i++) {
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            BigDecimal decimal = switch (v) {
                case BigDecimal d -> d;
                case Integer n -> BigDecimal.valueOf(n);
                case Long n -> BigDecimal.valueOf(n);
                default -> throw mismatch(v, type);
            };
            BigInteger unscaled = Values.unscaled(type, decimal);
            low[i] = unscaled.longValue();
            if (high != null) {
                high[i] = unscaled.shiftRight(64).longValue();
            }
        }
        return high == null ? new LongVector(type, low, validity, length)
                : new Int128Vector(type, high, low, validity, length);
    }

    private static <T> T expect(Object value, Class<T> expected, DataType type) {
        if (!expected.isInstance(value)) {
            throw mismatch(value, type);
        }
        return expected.cast(value);
    }

    private static FloeException mismatch(Object value, DataType type) {
        return new FloeException(ErrorCode.TYPE_MISMATCH, "value " + value + " of Java class "
                + value.getClass().getSimpleName() + " cannot be stored in a column of type " + type);
    }
}
