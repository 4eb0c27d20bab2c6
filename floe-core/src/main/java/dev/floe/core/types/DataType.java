package dev.floe.core.types;

import dev.floe.core.FloeException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The logical type of a column, as in Polars. Physical storage is chosen by {@code dev.floe.core.vector}:
 * small integers and dates in {@code int[]}, 64-bit integers, datetimes, durations, times and decimals of
 * precision up to 18 in {@code long[]}, floats in {@code double[]}, strings and binary as offsets + bytes.
 */
public sealed interface DataType {
    BooleanType BOOLEAN = new BooleanType();
    Int8Type INT8 = new Int8Type();
    Int16Type INT16 = new Int16Type();
    Int32Type INT32 = new Int32Type();
    Int64Type INT64 = new Int64Type();
    UInt8Type UINT8 = new UInt8Type();
    UInt16Type UINT16 = new UInt16Type();
    UInt32Type UINT32 = new UInt32Type();
    UInt64Type UINT64 = new UInt64Type();
    Float32Type FLOAT32 = new Float32Type();
    Float64Type FLOAT64 = new Float64Type();
    StringType STRING = new StringType();
    BinaryType BINARY = new BinaryType();
    DateType DATE = new DateType();
    TimeType TIME = new TimeType();
    NullType NULL = new NullType();

    /** Polars' short display name, as printed in DataFrame headers: i64, str, datetime[μs], ... */
    String displayName();

    static DatetimeType datetime(TimeUnit unit) {
        return new DatetimeType(unit, null);
    }

    static DatetimeType datetime(TimeUnit unit, String timeZone) {
        return new DatetimeType(unit, timeZone);
    }

    static DurationType duration(TimeUnit unit) {
        return new DurationType(unit);
    }

    static DecimalType decimal(int precision, int scale) {
        return new DecimalType(precision, scale);
    }

    static ListType list(DataType inner) {
        return new ListType(inner);
    }

    static StructType struct(List<Field> fields) {
        return new StructType(fields);
    }

    default boolean isInteger() {
        return isSignedInteger() || isUnsignedInteger();
    }

    default boolean isSignedInteger() {
        return this instanceof Int8Type || this instanceof Int16Type || this instanceof Int32Type
                || this instanceof Int64Type;
    }

    default boolean isUnsignedInteger() {
        return this instanceof UInt8Type || this instanceof UInt16Type || this instanceof UInt32Type
                || this instanceof UInt64Type;
    }

    default boolean isFloat() {
        return this instanceof Float32Type || this instanceof Float64Type;
    }

    /** Integers, floats and decimals: the types arithmetic accepts. */
    default boolean isNumeric() {
        return isInteger() || isFloat() || this instanceof DecimalType;
    }

    default boolean isTemporal() {
        return this instanceof DateType || this instanceof DatetimeType || this instanceof DurationType
                || this instanceof TimeType;
    }

    default boolean isNested() {
        return this instanceof ListType || this instanceof StructType;
    }

    record BooleanType() implements DataType {
        public String displayName() { return "bool"; }
        public String toString() { return "Boolean"; }
    }

    record Int8Type() implements DataType {
        public String displayName() { return "i8"; }
        public String toString() { return "Int8"; }
    }

    record Int16Type() implements DataType {
        public String displayName() { return "i16"; }
        public String toString() { return "Int16"; }
    }

    record Int32Type() implements DataType {
        public String displayName() { return "i32"; }
        public String toString() { return "Int32"; }
    }

    record Int64Type() implements DataType {
        public String displayName() { return "i64"; }
        public String toString() { return "Int64"; }
    }

    record UInt8Type() implements DataType {
        public String displayName() { return "u8"; }
        public String toString() { return "UInt8"; }
    }

    record UInt16Type() implements DataType {
        public String displayName() { return "u16"; }
        public String toString() { return "UInt16"; }
    }

    record UInt32Type() implements DataType {
        public String displayName() { return "u32"; }
        public String toString() { return "UInt32"; }
    }

    record UInt64Type() implements DataType {
        public String displayName() { return "u64"; }
        public String toString() { return "UInt64"; }
    }

    record Float32Type() implements DataType {
        public String displayName() { return "f32"; }
        public String toString() { return "Float32"; }
    }

    record Float64Type() implements DataType {
        public String displayName() { return "f64"; }
        public String toString() { return "Float64"; }
    }

    /** UTF-8 text. */
    record StringType() implements DataType {
        public String displayName() { return "str"; }
        public String toString() { return "String"; }
    }

    /** Arbitrary bytes. */
    record BinaryType() implements DataType {
        public String displayName() { return "binary"; }
        public String toString() { return "Binary"; }
    }

    /** Days since 1970-01-01, stored as a 32-bit integer. */
    record DateType() implements DataType {
        public String displayName() { return "date"; }
        public String toString() { return "Date"; }
    }

    /** Nanoseconds since midnight, stored as a 64-bit integer. */
    record TimeType() implements DataType {
        public String displayName() { return "time"; }
        public String toString() { return "Time"; }
    }

    /** The type of a column that holds only nulls. */
    record NullType() implements DataType {
        public String displayName() { return "null"; }
        public String toString() { return "Null"; }
    }

    /** Units since the Unix epoch; with a time zone the value is UTC and the zone is for display. */
    record DatetimeType(TimeUnit unit, String timeZone) implements DataType {
        public DatetimeType {
            Objects.requireNonNull(unit, "unit");
            if (timeZone != null && timeZone.isBlank()) {
                throw FloeException.invalidArgument("a datetime time zone must not be blank; use null for none");
            }
        }

        public String displayName() {
            return timeZone == null ? "datetime[" + unit.shortName() + "]"
                    : "datetime[" + unit.shortName() + ", " + timeZone + "]";
        }

        public String toString() {
            return timeZone == null ? "Datetime(" + unit.shortName() + ")"
                    : "Datetime(" + unit.shortName() + ", " + timeZone + ")";
        }
    }

    record DurationType(TimeUnit unit) implements DataType {
        public DurationType {
            Objects.requireNonNull(unit, "unit");
        }

        public String displayName() { return "duration[" + unit.shortName() + "]"; }
        public String toString() { return "Duration(" + unit.shortName() + ")"; }
    }

    /** A fixed-point number: an unscaled integer of up to {@code precision} digits, {@code scale} after the point. */
    record DecimalType(int precision, int scale) implements DataType {
        public static final int MAX_PRECISION = 38;
        /** Precision up to which the unscaled value fits in a long. */
        public static final int MAX_LONG_PRECISION = 18;

        public DecimalType {
            if (precision < 1 || precision > MAX_PRECISION) {
                throw FloeException.invalidArgument(
                        "decimal precision must be between 1 and " + MAX_PRECISION + ", got " + precision);
            }
            if (scale < 0 || scale > precision) {
                throw FloeException.invalidArgument(
                        "decimal scale must be between 0 and the precision " + precision + ", got " + scale);
            }
        }

        public String displayName() { return "decimal[" + precision + "," + scale + "]"; }
        public String toString() { return "Decimal(" + precision + ", " + scale + ")"; }
    }

    record ListType(DataType inner) implements DataType {
        public ListType {
            Objects.requireNonNull(inner, "inner");
        }

        public String displayName() { return "list[" + inner.displayName() + "]"; }
        public String toString() { return "List(" + inner + ")"; }
    }

    record StructType(List<Field> fields) implements DataType {
        public StructType {
            fields = List.copyOf(fields);
            Schema.checkUniqueNames(fields);
        }

        public String displayName() { return "struct[" + fields.size() + "]"; }

        public String toString() {
            return fields.stream().map(f -> f.name() + ": " + f.type())
                    .collect(Collectors.joining(", ", "Struct({", "})"));
        }
    }
}
