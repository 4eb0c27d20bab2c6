package dev.floe.exec.expr;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;

/** Views of numeric vectors as {@code long[]} or {@code double[]}, and vectors built back from them. */
public final class Numbers {
    private Numbers() {
    }

    /** The values as longs (a vector's own array when it is a LongVector; may be longer than its length). */
    public static long[] longs(Vector vector) {
        return switch (vector) {
            case LongVector v -> v.values();
            case IntVector v -> {
                int[] values = v.values();
                long[] out = new long[v.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = values[i];
                }
                yield out;
            }
            case DoubleVector v -> {
                double[] values = v.values();
                long[] out = new long[v.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (long) values[i];
                }
                yield out;
            }
            case BooleanVector v -> {
                boolean[] values = v.values();
                long[] out = new long[v.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = values[i] ? 1 : 0;
                }
                yield out;
            }
            case NullVector v -> new long[v.length()];
            case BytesVector _, Int128Vector _, ListVector _, StructVector _ ->
                    throw FloeException.internal("not a numeric vector: " + vector.type());
        };
    }

    /** The values as doubles (a vector's own array when it is a DoubleVector). */
    public static double[] doubles(Vector vector) {
        return switch (vector) {
            case DoubleVector v -> v.values();
            case LongVector v -> {
                long[] values = v.values();
                double[] out = new double[v.length()];
                boolean unsigned = v.type() instanceof DataType.UInt64Type;
                for (int i = 0; i < out.length; i++) {
                    out[i] = unsigned && values[i] < 0 ? unsignedToDouble(values[i]) : values[i];
                }
                yield out;
            }
            case IntVector v -> {
                int[] values = v.values();
                double[] out = new double[v.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = values[i];
                }
                yield out;
            }
            case BooleanVector v -> {
                boolean[] values = v.values();
                double[] out = new double[v.length()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = values[i] ? 1 : 0;
                }
                yield out;
            }
            case NullVector v -> new double[v.length()];
            case BytesVector _, Int128Vector _, ListVector _, StructVector _ ->
                    throw FloeException.internal("not a numeric vector: " + vector.type());
        };
    }

    static double unsignedToDouble(long value) {
        double high = (double) (value >>> 1) * 2.0;
        return high + (value & 1);
    }

    /** Whether the type is stored in an int[] (IntVector). */
    public static boolean isIntStorage(DataType type) {
        return IntVector.accepts(type);
    }

    /** Narrows a long to the range of an integer type (wrapping, as fixed-width integer arithmetic does). */
    public static long wrap(DataType type, long value) {
        return switch (type) {
            case DataType.Int8Type t -> (byte) value;
            case DataType.Int16Type t -> (short) value;
            case DataType.Int32Type t -> (int) value;
            case DataType.UInt8Type t -> value & 0xFF;
            case DataType.UInt16Type t -> value & 0xFFFF;
            case DataType.UInt32Type t -> value & 0xFFFF_FFFFL;
            case DataType.DateType t -> (int) value;
            case DataType.BooleanType _, DataType.Int64Type _, DataType.UInt64Type _, DataType.Float32Type _,
                    DataType.Float64Type _, DataType.StringType _, DataType.BinaryType _, DataType.TimeType _,
                    DataType.NullType _, DataType.DatetimeType _, DataType.DurationType _,
                    DataType.DecimalType _, DataType.ListType _, DataType.StructType _ -> value;
        };
    }

    /** A vector of an integer-like type from longs, wrapping to the type's width. */
    public static Vector fromLongs(DataType type, long[] values, long[] validity, int length) {
        if (isIntStorage(type)) {
            int[] out = new int[length];
            for (int i = 0; i < length; i++) {
                out[i] = (int) wrap(type, values[i]);
            }
            return new IntVector(type, out, validity, length);
        }
        if (type instanceof DataType.UInt32Type) {
            for (int i = 0; i < length; i++) {
                values[i] &= 0xFFFF_FFFFL;
            }
        }
        if (DoubleVector.accepts(type)) {
            return fromDoubles(type, doubles(new LongVector(DataType.INT64, values, null, length)), validity, length);
        }
        return new LongVector(type, values, validity, length);
    }

    /** A float vector from doubles (rounded to float precision for Float32). */
    public static Vector fromDoubles(DataType type, double[] values, long[] validity, int length) {
        if (type instanceof DataType.Float32Type) {
            for (int i = 0; i < length; i++) {
                values[i] = (float) values[i];
            }
        }
        if (!DoubleVector.accepts(type)) {
            long[] out = new long[length];
            for (int i = 0; i < length; i++) {
                out[i] = (long) values[i];
            }
            return fromLongs(type, out, validity, length);
        }
        return new DoubleVector(type, values, validity, length);
    }
}
