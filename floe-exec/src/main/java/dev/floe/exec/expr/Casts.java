package dev.floe.exec.expr;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.BytesVectorBuilder;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.util.Arrays;

/**
 * Casts between numeric types, strings (parsing and formatting), dates, datetimes and booleans. A value that
 * does not convert fails a strict cast with {@link ErrorCode#COMPUTE_ERROR} naming the value and the target
 * type, and becomes null in a non-strict one.
 */
public final class Casts {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private Casts() {
    }

    public static Vector cast(Vector input, DataType target, boolean strict) {
        DataType source = input.type();
        int n = input.length();
        if (source.equals(target)) {
            return input;
        }
        if (input instanceof NullVector) {
            return Vectors.nulls(target, n);
        }
        if (target instanceof DataType.StringType) {
            return TextCasts.format(input);
        }
        if (source instanceof DataType.StringType) {
            return TextCasts.parse((BytesVector) input, target, strict);
        }
        if (source instanceof DataType.DateType && target instanceof DataType.DatetimeType datetime) {
            long perDay = MICROS_PER_DAY / 1_000_000L * datetime.unit().perSecond();
            int[] days = ((IntVector) input).values();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = days[i] * perDay;
            }
            return new LongVector(target, out, input.validity(), n);
        }
        if (source instanceof DataType.DatetimeType datetime && target instanceof DataType.DateType) {
            long perDay = MICROS_PER_DAY / 1_000_000L * datetime.unit().perSecond();
            long[] values = ((LongVector) input).values();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = (int) Math.floorDiv(values[i], perDay);
            }
            return new IntVector(target, out, input.validity(), n);
        }
        if (source instanceof DataType.DatetimeType from && target instanceof DataType.DatetimeType to) {
            return new LongVector(target, rescale(((LongVector) input).values(), n, from.unit(), to.unit()),
                    input.validity(), n);
        }
        if (target instanceof DataType.BooleanType && isPlainNumeric(source)) {
            double[] values = Numbers.doubles(input);
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = values[i] != 0;
            }
            return new BooleanVector(out, input.validity(), n);
        }
        if (isPlainNumeric(target) && (isPlainNumeric(source) || source instanceof DataType.BooleanType
                || source.isTemporal())) {
            return numeric(input, target, strict);
        }
        return ObjectCasts.cast(input, target, strict);
    }

    static boolean isPlainNumeric(DataType type) {
        return type.isInteger() || type.isFloat();
    }

    private static long[] rescale(long[] values, int n, TimeUnit from, TimeUnit to) {
        long[] out = new long[n];
        long fromPerSecond = from.perSecond();
        long toPerSecond = to.perSecond();
        for (int i = 0; i < n; i++) {
            out[i] = toPerSecond >= fromPerSecond ? values[i] * (toPerSecond / fromPerSecond)
                    : Math.floorDiv(values[i], fromPerSecond / toPerSecond);
        }
        return out;
    }

    private static Vector numeric(Vector input, DataType target, boolean strict) {
        int n = input.length();
        if (target.isFloat()) {
            double[] values = Numbers.doubles(input);
            double[] out = Arrays.copyOf(values, n);
            return Numbers.fromDoubles(target, out, input.validity(), n);
        }
        long[] validity = input.validity() == null ? null : input.validity().clone();
        long[] out = new long[n];
        if (input instanceof DoubleVector doubles) {
            double[] values = doubles.values();
            for (int i = 0; i < n; i++) {
                double value = values[i];
                if (validity != null && !Bitmap.get(validity, i)) {
                    continue;
                }
                if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63 || !fits(target, (long) value)) {
                    validity = fail(validity, i, n, strict, value, target);
                } else {
                    out[i] = (long) value;
                }
            }
        } else {
            long[] values = Numbers.longs(input);
            boolean unsignedSource = input.type() instanceof DataType.UInt64Type;
            for (int i = 0; i < n; i++) {
                long value = values[i];
                if (validity != null && !Bitmap.get(validity, i)) {
                    continue;
                }
                if ((unsignedSource && value < 0 && !(target instanceof DataType.UInt64Type)) || !fits(target, value)) {
                    validity = fail(validity, i, n, strict, unsignedSource ? Long.toUnsignedString(value) : value, target);
                } else {
                    out[i] = value;
                }
            }
        }
        return Numbers.fromLongs(target, out, validity == null ? null : Bitmap.normalize(validity, n), n);
    }

    static long[] fail(long[] validity, int row, int n, boolean strict, Object value, DataType target) {
        if (strict) {
            throw new FloeException(ErrorCode.COMPUTE_ERROR, "cannot cast value " + value + " to " + target
                    + " (strict cast); use cast(..., strict=False) to get null instead");
        }
        long[] out = validity == null ? Bitmap.allSet(n) : validity;
        Bitmap.clear(out, row);
        return out;
    }

    /** Whether a value is in the range of an integer type (UInt64 accepts every non-negative long). */
    static boolean fits(DataType type, long value) {
        return switch (type) {
            case DataType.Int8Type t -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case DataType.Int16Type t -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case DataType.Int32Type t -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            case DataType.UInt8Type t -> value >= 0 && value <= 0xFF;
            case DataType.UInt16Type t -> value >= 0 && value <= 0xFFFF;
            case DataType.UInt32Type t -> value >= 0 && value <= 0xFFFF_FFFFL;
            case DataType.UInt64Type t -> value >= 0;
            case DataType.BooleanType _, DataType.Int64Type _, DataType.Float32Type _, DataType.Float64Type _,
                    DataType.StringType _, DataType.BinaryType _, DataType.DateType _, DataType.TimeType _,
                    DataType.NullType _, DataType.DatetimeType _, DataType.DurationType _,
                    DataType.DecimalType _, DataType.ListType _, DataType.StructType _ -> true;
        };
    }

    static BytesVectorBuilder stringBuilder(int n) {
        return new BytesVectorBuilder(DataType.STRING, n);
    }
}
