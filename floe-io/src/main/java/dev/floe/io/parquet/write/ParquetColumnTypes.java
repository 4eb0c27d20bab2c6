package dev.floe.io.parquet.write;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.TimeUnit;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.MilliSeconds;
import org.apache.parquet.format.NanoSeconds;
import org.apache.parquet.format.NullType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeType;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;

/** The Parquet schema element (physical, logical and legacy converted type) Floe writes for a column type. */
final class ParquetColumnTypes {
    static final int DECIMAL128_BYTES = 16;

    private ParquetColumnTypes() {
    }

    static SchemaElement element(Field field) {
        SchemaElement element = new SchemaElement(field.name());
        element.setRepetition_type(FieldRepetitionType.OPTIONAL);
        DataType type = field.type();
        switch (type) {
            case DataType.BooleanType t -> element.setType(Type.BOOLEAN);
            case DataType.Int8Type t -> integer(element, Type.INT32, 8, true, ConvertedType.INT_8);
            case DataType.Int16Type t -> integer(element, Type.INT32, 16, true, ConvertedType.INT_16);
            case DataType.Int32Type t -> integer(element, Type.INT32, 32, true, ConvertedType.INT_32);
            case DataType.Int64Type t -> integer(element, Type.INT64, 64, true, ConvertedType.INT_64);
            case DataType.UInt8Type t -> integer(element, Type.INT32, 8, false, ConvertedType.UINT_8);
            case DataType.UInt16Type t -> integer(element, Type.INT32, 16, false, ConvertedType.UINT_16);
            case DataType.UInt32Type t -> integer(element, Type.INT32, 32, false, ConvertedType.UINT_32);
            case DataType.UInt64Type t -> integer(element, Type.INT64, 64, false, ConvertedType.UINT_64);
            case DataType.Float32Type t -> element.setType(Type.FLOAT);
            case DataType.Float64Type t -> element.setType(Type.DOUBLE);
            case DataType.StringType t -> {
                element.setType(Type.BYTE_ARRAY);
                element.setLogicalType(LogicalType.STRING(new StringType()));
                element.setConverted_type(ConvertedType.UTF8);
            }
            case DataType.BinaryType t -> element.setType(Type.BYTE_ARRAY);
            case DataType.DateType t -> {
                element.setType(Type.INT32);
                element.setLogicalType(LogicalType.DATE(new DateType()));
                element.setConverted_type(ConvertedType.DATE);
            }
            case DataType.DatetimeType datetime -> {
                element.setType(Type.INT64);
                boolean utc = datetime.timeZone() != null;
                element.setLogicalType(LogicalType.TIMESTAMP(new TimestampType(utc, unit(datetime.unit()))));
                if (utc && datetime.unit() != TimeUnit.NANOSECONDS) {
                    element.setConverted_type(datetime.unit() == TimeUnit.MILLISECONDS
                            ? ConvertedType.TIMESTAMP_MILLIS : ConvertedType.TIMESTAMP_MICROS);
                }
            }
            case DataType.DurationType t -> element.setType(Type.INT64);
            case DataType.TimeType t -> {
                element.setType(Type.INT64);
                element.setLogicalType(LogicalType.TIME(new TimeType(false, unit(TimeUnit.NANOSECONDS))));
            }
            case DataType.DecimalType decimal -> {
                boolean wide = decimal.precision() > DataType.DecimalType.MAX_LONG_PRECISION;
                element.setType(wide ? Type.FIXED_LEN_BYTE_ARRAY : Type.INT64);
                if (wide) {
                    element.setType_length(DECIMAL128_BYTES);
                }
                element.setLogicalType(LogicalType.DECIMAL(new DecimalType(decimal.scale(), decimal.precision())));
                element.setConverted_type(ConvertedType.DECIMAL);
                element.setScale(decimal.scale());
                element.setPrecision(decimal.precision());
            }
            case DataType.NullType t -> {
                element.setType(Type.INT32);
                element.setLogicalType(LogicalType.UNKNOWN(new NullType()));
            }
            case DataType.ListType t -> throw nested(field);
            case DataType.StructType t -> throw nested(field);
        }
        return element;
    }

    private static FloeException nested(Field field) {
        return new FloeException(ErrorCode.INVALID_ARGUMENT, "column '" + field.name() + "' of type " + field.type()
                + " cannot be written to Parquet yet: Floe's Parquet writer supports flat columns only; "
                + "unnest or cast it to a flat type first");
    }

    private static void integer(SchemaElement element, Type physical, int bits, boolean signed, ConvertedType converted) {
        element.setType(physical);
        element.setLogicalType(LogicalType.INTEGER(new IntType((byte) bits, signed)));
        element.setConverted_type(converted);
    }

    private static org.apache.parquet.format.TimeUnit unit(TimeUnit unit) {
        return switch (unit) {
            case MILLISECONDS -> org.apache.parquet.format.TimeUnit.MILLIS(new MilliSeconds());
            case MICROSECONDS -> org.apache.parquet.format.TimeUnit.MICROS(new MicroSeconds());
            case NANOSECONDS -> org.apache.parquet.format.TimeUnit.NANOS(new NanoSeconds());
        };
    }
}
