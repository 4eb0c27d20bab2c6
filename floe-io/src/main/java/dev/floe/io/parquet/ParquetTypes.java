package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;

/** Maps a Parquet primitive column (physical type + logical or converted type) to a Floe type. */
final class ParquetTypes {
    private ParquetTypes() {
    }

    static DataType primitive(String file, SchemaElement element, DataType hint) {
        LogicalType logical = element.isSetLogicalType() ? element.getLogicalType() : null;
        ConvertedType converted = element.isSetConverted_type() ? element.getConverted_type() : null;
        if (logical != null && logical.isSetUNKNOWN()) {
            return DataType.NULL;
        }
        if (!element.isSetType()) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, file + ": column '" + element.getName()
                    + "' has neither a physical type nor children");
        }
        DataType decimal = decimal(element, logical, converted);
        return switch (element.getType()) {
            case BOOLEAN -> DataType.BOOLEAN;
            case INT32 -> {
                if (decimal != null) {
                    yield decimal;
                }
                if (logical != null && logical.isSetINTEGER()) {
                    yield integer(logical.getINTEGER().getBitWidth(), logical.getINTEGER().isIsSigned());
                }
                if (logical != null && logical.isSetDATE() || converted == ConvertedType.DATE) {
                    yield DataType.DATE;
                }
                if (logical != null && logical.isSetTIME() || converted == ConvertedType.TIME_MILLIS) {
                    yield DataType.TIME;
                }
                if (converted != null) {
                    DataType integer = switch (converted) {
                        case INT_8 -> DataType.INT8;
                        case INT_16 -> DataType.INT16;
                        case UINT_8 -> DataType.UINT8;
                        case UINT_16 -> DataType.UINT16;
                        case UINT_32 -> DataType.UINT32;
                        default -> null;
                    };
                    if (integer != null) {
                        yield integer;
                    }
                }
                yield DataType.INT32;
            }
            case INT64 -> {
                if (decimal != null) {
                    yield decimal;
                }
                if (logical != null && logical.isSetINTEGER()) {
                    yield integer(logical.getINTEGER().getBitWidth(), logical.getINTEGER().isIsSigned());
                }
                if (logical != null && logical.isSetTIMESTAMP()) {
                    var timestamp = logical.getTIMESTAMP();
                    TimeUnit unit = unit(timestamp.getUnit());
                    String zone = null;
                    if (timestamp.isIsAdjustedToUTC()) {
                        zone = hint instanceof DataType.DatetimeType hinted && hinted.timeZone() != null
                                ? hinted.timeZone() : "UTC";
                    }
                    yield DataType.datetime(unit, zone);
                }
                if (logical != null && logical.isSetTIME()) {
                    yield DataType.TIME;
                }
                if (converted == ConvertedType.TIMESTAMP_MILLIS || converted == ConvertedType.TIMESTAMP_MICROS) {
                    yield DataType.datetime(converted == ConvertedType.TIMESTAMP_MILLIS ? TimeUnit.MILLISECONDS
                            : TimeUnit.MICROSECONDS, "UTC");
                }
                if (converted == ConvertedType.TIME_MICROS) {
                    yield DataType.TIME;
                }
                if (converted == ConvertedType.UINT_64) {
                    yield DataType.UINT64;
                }
                if (hint instanceof DataType.DurationType || hint instanceof DataType.DatetimeType) {
                    yield hint;
                }
                yield DataType.INT64;
            }
            case INT96 -> DataType.datetime(TimeUnit.NANOSECONDS);
            case FLOAT -> DataType.FLOAT32;
            case DOUBLE -> DataType.FLOAT64;
            case BYTE_ARRAY -> {
                if (decimal != null) {
                    yield decimal;
                }
                boolean text = logical != null && (logical.isSetSTRING() || logical.isSetENUM() || logical.isSetJSON())
                        || converted == ConvertedType.UTF8 || converted == ConvertedType.ENUM
                        || converted == ConvertedType.JSON || hint instanceof DataType.StringType;
                yield text ? DataType.STRING : DataType.BINARY;
            }
            case FIXED_LEN_BYTE_ARRAY -> {
                if (decimal != null) {
                    if (element.getType_length() <= 0 || element.getType_length() > 16) {
                        throw new FloeException(ErrorCode.CORRUPT_FILE, file + ": decimal column '" + element.getName()
                                + "' has a fixed length of " + element.getType_length() + " bytes; 1..16 are supported");
                    }
                    yield decimal;
                }
                if (logical != null && logical.isSetFLOAT16()) {
                    yield DataType.FLOAT32;
                }
                yield DataType.BINARY;
            }
        };
    }

    private static DataType decimal(SchemaElement element, LogicalType logical, ConvertedType converted) {
        int precision;
        int scale;
        if (logical != null && logical.isSetDECIMAL()) {
            precision = logical.getDECIMAL().getPrecision();
            scale = logical.getDECIMAL().getScale();
        } else if (converted == ConvertedType.DECIMAL) {
            precision = element.getPrecision();
            scale = element.getScale();
        } else {
            return null;
        }
        return DataType.decimal(precision, scale);
    }

    private static DataType integer(int bits, boolean signed) {
        return switch (bits) {
            case 8 -> signed ? DataType.INT8 : DataType.UINT8;
            case 16 -> signed ? DataType.INT16 : DataType.UINT16;
            case 32 -> signed ? DataType.INT32 : DataType.UINT32;
            default -> signed ? DataType.INT64 : DataType.UINT64;
        };
    }

    static TimeUnit unit(org.apache.parquet.format.TimeUnit unit) {
        if (unit.isSetMILLIS()) {
            return TimeUnit.MILLISECONDS;
        }
        return unit.isSetMICROS() ? TimeUnit.MICROSECONDS : TimeUnit.NANOSECONDS;
    }
}
