package dev.floe.plan.resolve;

import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;

/**
 * Polars' supertype rules: the smallest type both operands convert to without losing values, or {@code null}
 * when there is none. Signed and unsigned integers meet at the next signed type that holds both (UInt64 with a
 * signed type meets at Float64); integers and floats at Float64 (Float32 with integers of at most 16 bits stays
 * Float32); Date and Datetime at Datetime; Null with anything at that thing.
 */
public final class TypeCoercion {
    private TypeCoercion() {
    }

    public static DataType supertype(DataType left, DataType right) {
        if (left.equals(right)) {
            return left;
        }
        if (left instanceof DataType.NullType) {
            return right;
        }
        if (right instanceof DataType.NullType) {
            return left;
        }
        if (left instanceof DataType.BooleanType && right.isNumeric()) {
            return right;
        }
        if (right instanceof DataType.BooleanType && left.isNumeric()) {
            return left;
        }
        if (left.isNumeric() && right.isNumeric()) {
            return numeric(left, right);
        }
        if (left instanceof DataType.DateType && right instanceof DataType.DatetimeType) {
            return right;
        }
        if (right instanceof DataType.DateType && left instanceof DataType.DatetimeType) {
            return left;
        }
        if (left instanceof DataType.DatetimeType a && right instanceof DataType.DatetimeType b
                && java.util.Objects.equals(a.timeZone(), b.timeZone())) {
            return new DataType.DatetimeType(finer(a.unit(), b.unit()), a.timeZone());
        }
        if (left instanceof DataType.DurationType a && right instanceof DataType.DurationType b) {
            return DataType.duration(finer(a.unit(), b.unit()));
        }
        return null;
    }

    private static TimeUnit finer(TimeUnit a, TimeUnit b) {
        return a.perSecond() >= b.perSecond() ? a : b;
    }

    private static DataType numeric(DataType left, DataType right) {
        if (left instanceof DataType.DecimalType a && right instanceof DataType.DecimalType b) {
            int scale = Math.max(a.scale(), b.scale());
            int integerDigits = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
            return DataType.decimal(Math.min(DataType.DecimalType.MAX_PRECISION, integerDigits + scale), scale);
        }
        if (left instanceof DataType.DecimalType decimal) {
            return right.isFloat() ? DataType.FLOAT64 : widenDecimal(decimal);
        }
        if (right instanceof DataType.DecimalType decimal) {
            return left.isFloat() ? DataType.FLOAT64 : widenDecimal(decimal);
        }
        if (left.isFloat() || right.isFloat()) {
            if (left instanceof DataType.Float64Type || right instanceof DataType.Float64Type) {
                return DataType.FLOAT64;
            }
            DataType other = left.isFloat() ? right : left;
            return other.isFloat() || bits(other) <= 16 ? DataType.FLOAT32 : DataType.FLOAT64;
        }
        boolean leftSigned = left.isSignedInteger();
        boolean rightSigned = right.isSignedInteger();
        if (leftSigned == rightSigned) {
            return bits(left) >= bits(right) ? left : right;
        }
        DataType signed = leftSigned ? left : right;
        DataType unsigned = leftSigned ? right : left;
        if (bits(signed) > bits(unsigned)) {
            return signed;
        }
        return switch (bits(unsigned)) {
            case 8 -> DataType.INT16;
            case 16 -> DataType.INT32;
            case 32 -> DataType.INT64;
            default -> DataType.FLOAT64;
        };
    }

    /** A decimal meeting an integer: the precision grows to hold any 64-bit integer part. */
    private static DataType widenDecimal(DataType.DecimalType decimal) {
        return DataType.decimal(DataType.DecimalType.MAX_PRECISION, decimal.scale());
    }

    /** Width of an integer type. */
    static int bits(DataType type) {
        return switch (type) {
            case DataType.Int8Type t -> 8;
            case DataType.UInt8Type t -> 8;
            case DataType.Int16Type t -> 16;
            case DataType.UInt16Type t -> 16;
            case DataType.Int32Type t -> 32;
            case DataType.UInt32Type t -> 32;
            case DataType.BooleanType _, DataType.Int64Type _, DataType.UInt64Type _, DataType.Float32Type _,
                    DataType.Float64Type _, DataType.StringType _, DataType.BinaryType _, DataType.DateType _,
                    DataType.TimeType _, DataType.NullType _, DataType.DatetimeType _, DataType.DurationType _,
                    DataType.DecimalType _, DataType.ListType _, DataType.StructType _ -> 64;
        };
    }

    /** Whether an integer fits in the integer type. */
    static boolean fits(long value, DataType type) {
        return switch (type) {
            case DataType.Int8Type t -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case DataType.Int16Type t -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case DataType.Int32Type t -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            case DataType.Int64Type t -> true;
            case DataType.UInt8Type t -> value >= 0 && value <= 255;
            case DataType.UInt16Type t -> value >= 0 && value <= 65535;
            case DataType.UInt32Type t -> value >= 0 && value <= 0xFFFF_FFFFL;
            case DataType.UInt64Type t -> value >= 0;
            case DataType.BooleanType _, DataType.Float32Type _, DataType.Float64Type _, DataType.StringType _,
                    DataType.BinaryType _, DataType.DateType _, DataType.TimeType _, DataType.NullType _,
                    DataType.DatetimeType _, DataType.DurationType _, DataType.DecimalType _,
                    DataType.ListType _, DataType.StructType _ -> false;
        };
    }
}
