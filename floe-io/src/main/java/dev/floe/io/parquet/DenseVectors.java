package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.Vector;
import dev.floe.io.parquet.encoding.ValueBuffer;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.SchemaElement;

/**
 * Converts a column's decoded physical values into a Floe vector of its logical type without nulls: most
 * types take the primitive array as is; unsigned 32-bit ints widen, times scale to nanoseconds, byte-array
 * decimals turn into unscaled integers.
 */
final class DenseVectors {
    private DenseVectors() {
    }

    static Vector of(String file, ParquetNode.Primitive column, ValueBuffer values) {
        DataType type = column.type();
        int count = values.count;
        SchemaElement element = column.element();
        return switch (type) {
            case DataType.BooleanType t -> new BooleanVector(values.booleans, null, count);
            case DataType.Int8Type t -> new IntVector(type, values.ints, null, count);
            case DataType.Int16Type t -> new IntVector(type, values.ints, null, count);
            case DataType.Int32Type t -> new IntVector(type, values.ints, null, count);
            case DataType.UInt8Type t -> new IntVector(type, values.ints, null, count);
            case DataType.UInt16Type t -> new IntVector(type, values.ints, null, count);
            case DataType.DateType t -> new IntVector(type, values.ints, null, count);
            case DataType.UInt32Type t -> {
                if (values.longs != null) {
                    yield new LongVector(type, values.longs, null, count);
                }
                long[] widened = new long[Math.max(count, 1)];
                for (int i = 0; i < count; i++) {
                    widened[i] = values.ints[i] & 0xFFFFFFFFL;
                }
                yield new LongVector(type, widened, null, count);
            }
            case DataType.Int64Type t -> longs(type, values, count);
            case DataType.UInt64Type t -> longs(type, values, count);
            case DataType.DatetimeType t -> longs(type, values, count);
            case DataType.DurationType t -> longs(type, values, count);
            case DataType.TimeType t -> time(element, values, count);
            case DataType.Float32Type t -> new DoubleVector(type, values.doubles, null, count);
            case DataType.Float64Type t -> new DoubleVector(type, values.doubles, null, count);
            case DataType.StringType t -> new BytesVector(type, values.offsets, values.bytes, null, count);
            case DataType.BinaryType t -> new BytesVector(type, values.offsets, values.bytes, null, count);
            case DataType.DecimalType decimal -> decimal(file, column, decimal, values, count);
            case DataType.NullType t -> new NullVector(count);
            case DataType.ListType t -> throw FloeException.internal("a list is not a primitive column");
            case DataType.StructType t -> throw FloeException.internal("a struct is not a primitive column");
        };
    }

    private static Vector longs(DataType type, ValueBuffer values, int count) {
        if (values.longs != null) {
            return new LongVector(type, values.longs, null, count);
        }
        long[] widened = new long[Math.max(count, 1)];
        for (int i = 0; i < count; i++) {
            widened[i] = values.ints[i];
        }
        return new LongVector(type, widened, null, count);
    }

    private static Vector time(SchemaElement element, ValueBuffer values, int count) {
        long factor = 1;
        if (element.isSetLogicalType() && element.getLogicalType().isSetTIME()) {
            factor = switch (ParquetTypes.unit(element.getLogicalType().getTIME().getUnit())) {
                case MILLISECONDS -> 1_000_000L;
                case MICROSECONDS -> 1_000L;
                case NANOSECONDS -> 1L;
            };
        } else if (element.getConverted_type() == ConvertedType.TIME_MILLIS) {
            factor = 1_000_000L;
        } else if (element.getConverted_type() == ConvertedType.TIME_MICROS) {
            factor = 1_000L;
        }
        long[] out = values.longs != null && factor == 1 ? values.longs : new long[Math.max(count, 1)];
        for (int i = 0; i < count; i++) {
            long raw = values.longs != null ? values.longs[i] : values.ints[i];
            out[i] = raw * factor;
        }
        return new LongVector(DataType.TIME, out, null, count);
    }

    private static Vector decimal(String file, ParquetNode.Primitive column, DataType.DecimalType type,
            ValueBuffer values, int count) {
        boolean wide = type.precision() > DataType.DecimalType.MAX_LONG_PRECISION;
        if (values.ints != null || values.longs != null) {
            long[] longs = values.longs;
            if (longs == null) {
                longs = new long[Math.max(count, 1)];
                for (int i = 0; i < count; i++) {
                    longs[i] = values.ints[i];
                }
            }
            if (!wide) {
                return new LongVector(type, longs, null, count);
            }
            long[] high = new long[Math.max(count, 1)];
            for (int i = 0; i < count; i++) {
                high[i] = longs[i] >> 63;
            }
            return new Int128Vector(type, high, longs, null, count);
        }
        if (values.bytes == null) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, file + ": decimal column " + column.name()
                    + " is stored in an unsupported physical type");
        }
        long[] high = wide ? new long[Math.max(count, 1)] : null;
        long[] low = new long[Math.max(count, 1)];
        byte[] bytes = values.bytes;
        int[] offsets = values.offsets;
        for (int i = 0; i < count; i++) {
            int start = offsets[i];
            int length = offsets[i + 1] - start;
            if (length > 16) {
                throw new FloeException(ErrorCode.CORRUPT_FILE, file + ": a decimal value of column "
                        + column.name() + " has " + length + " bytes; at most 16 fit precision 38");
            }
            long hi = length == 0 || bytes[start] >= 0 ? 0 : -1L;
            long lo = hi;
            for (int b = 0; b < length; b++) {
                hi = (hi << 8) | (lo >>> 56);
                lo = (lo << 8) | (bytes[start + b] & 0xFF);
            }
            low[i] = lo;
            if (wide) {
                high[i] = hi;
            }
        }
        return wide ? new Int128Vector(type, high, low, null, count) : new LongVector(type, low, null, count);
    }
}
