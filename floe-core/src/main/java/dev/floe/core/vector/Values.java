package dev.floe.core.vector;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Conversions between stored primitives and the Java objects {@link Vector#getObject} returns:
 * Boolean; Integer for Int8/Int16/Int32/UInt8/UInt16; Long for Int64/UInt32; for UInt64 the true unsigned value,
 * a Long up to {@link Long#MAX_VALUE} and a {@link BigInteger} above it (so 2^64-1 reads and prints as
 * 18446744073709551615, and {@link Vectors#fromObjects} takes it back); Float/Double; String; byte[] for Binary; LocalDate; LocalDateTime (or ZonedDateTime with a time zone);
 * Duration; LocalTime; BigDecimal; List for lists; an ordered Map for structs.
 */
public final class Values {
    private Values() {
    }

    public static Object fromInt(DataType type, int value) {
        return switch (type) {
            case DataType.DateType d -> LocalDate.ofEpochDay(value);
            case DataType.BooleanType _, DataType.Int8Type _, DataType.Int16Type _, DataType.Int32Type _,
                    DataType.Int64Type _, DataType.UInt8Type _, DataType.UInt16Type _, DataType.UInt32Type _,
                    DataType.UInt64Type _, DataType.Float32Type _, DataType.Float64Type _,
                    DataType.StringType _, DataType.BinaryType _, DataType.TimeType _, DataType.NullType _,
                    DataType.DatetimeType _, DataType.DurationType _, DataType.DecimalType _,
                    DataType.ListType _, DataType.StructType _ -> value;
        };
    }

    public static Object fromLong(DataType type, long value) {
        return switch (type) {
            case DataType.DatetimeType datetime -> toDateTime(datetime, value);
            case DataType.DurationType duration -> toDuration(duration.unit(), value);
            case DataType.TimeType t -> LocalTime.ofNanoOfDay(value);
            case DataType.DecimalType decimal -> BigDecimal.valueOf(value, decimal.scale());
            case DataType.UInt64Type t -> unsigned(value);
            case DataType.BooleanType _, DataType.Int8Type _, DataType.Int16Type _, DataType.Int32Type _,
                    DataType.Int64Type _, DataType.UInt8Type _, DataType.UInt16Type _, DataType.UInt32Type _,
                    DataType.Float32Type _, DataType.Float64Type _, DataType.StringType _,
                    DataType.BinaryType _, DataType.DateType _, DataType.NullType _, DataType.ListType _,
                    DataType.StructType _ -> value;
        };
    }

    /** A UInt64's stored bits as its value: a Long when it is at most {@link Long#MAX_VALUE}, else a BigInteger. */
    public static Number unsigned(long bits) {
        return bits >= 0 ? (Number) bits : new BigInteger(Long.toUnsignedString(bits));
    }

    public static Object fromDouble(DataType type, double value) {
        return type instanceof DataType.Float32Type ? (Object) (float) value : (Object) value;
    }

    public static Object fromInt128(DataType type, long high, long low) {
        BigInteger unscaled = BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
        int scale = type instanceof DataType.DecimalType decimal ? decimal.scale() : 0;
        return new BigDecimal(unscaled, scale);
    }

    public static Object toDateTime(DataType.DatetimeType type, long value) {
        Instant instant = toInstant(type.unit(), value);
        if (type.timeZone() == null) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return ZonedDateTime.ofInstant(instant, ZoneId.of(type.timeZone()));
    }

    public static Instant toInstant(TimeUnit unit, long value) {
        long perSecond = unit.perSecond();
        long seconds = Math.floorDiv(value, perSecond);
        long fraction = Math.floorMod(value, perSecond);
        return Instant.ofEpochSecond(seconds, fraction * (1_000_000_000L / perSecond));
    }

    public static Duration toDuration(TimeUnit unit, long value) {
        return switch (unit) {
            case MILLISECONDS -> Duration.ofMillis(value);
            case MICROSECONDS ->
                    Duration.ofSeconds(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOSECONDS -> Duration.ofNanos(value);
        };
    }

    /** Units since the epoch of a date-time given as UTC. */
    public static long fromInstant(TimeUnit unit, Instant instant) {
        long perSecond = unit.perSecond();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), perSecond),
                instant.getNano() / (1_000_000_000L / perSecond));
    }

    /** Unscaled value of a decimal at the type's scale; an error when it does not fit. */
    public static BigInteger unscaled(DataType.DecimalType type, BigDecimal value) {
        BigInteger unscaled = value.setScale(type.scale(), java.math.RoundingMode.HALF_EVEN).unscaledValue();
        if (unscaled.abs().toString().length() > type.precision()) {
            throw FloeException.invalidArgument("value " + value + " does not fit in " + type);
        }
        return unscaled;
    }
}
