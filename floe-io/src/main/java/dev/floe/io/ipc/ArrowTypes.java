package dev.floe.io.ipc;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.types.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Maps Floe types to Arrow types and back; the one place that decides how each Floe type looks in Arrow. */
public final class ArrowTypes {
    private ArrowTypes() {
    }

    public static org.apache.arrow.vector.types.pojo.Schema toArrowSchema(Schema schema) {
        List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>(schema.size());
        for (Field field : schema.fields()) {
            fields.add(toArrowField(field));
        }
        return new org.apache.arrow.vector.types.pojo.Schema(fields);
    }

    public static org.apache.arrow.vector.types.pojo.Field toArrowField(Field field) {
        return toArrowField(field.name(), field.type());
    }

    static org.apache.arrow.vector.types.pojo.Field toArrowField(String name, DataType type) {
        List<org.apache.arrow.vector.types.pojo.Field> children = switch (type) {
            case DataType.ListType list -> List.of(toArrowField("item", list.inner()));
            case DataType.StructType struct -> struct.fields().stream().map(ArrowTypes::toArrowField).toList();
            case DataType.BooleanType _, DataType.Int8Type _, DataType.Int16Type _, DataType.Int32Type _,
                    DataType.Int64Type _, DataType.UInt8Type _, DataType.UInt16Type _, DataType.UInt32Type _,
                    DataType.UInt64Type _, DataType.Float32Type _, DataType.Float64Type _,
                    DataType.StringType _, DataType.BinaryType _, DataType.DateType _, DataType.TimeType _,
                    DataType.NullType _, DataType.DatetimeType _, DataType.DurationType _,
                    DataType.DecimalType _ -> List.of();
        };
        return new org.apache.arrow.vector.types.pojo.Field(name, FieldType.nullable(toArrowType(type)), children);
    }

    static ArrowType toArrowType(DataType type) {
        return switch (type) {
            case DataType.BooleanType t -> ArrowType.Bool.INSTANCE;
            case DataType.Int8Type t -> new ArrowType.Int(8, true);
            case DataType.Int16Type t -> new ArrowType.Int(16, true);
            case DataType.Int32Type t -> new ArrowType.Int(32, true);
            case DataType.Int64Type t -> new ArrowType.Int(64, true);
            case DataType.UInt8Type t -> new ArrowType.Int(8, false);
            case DataType.UInt16Type t -> new ArrowType.Int(16, false);
            case DataType.UInt32Type t -> new ArrowType.Int(32, false);
            case DataType.UInt64Type t -> new ArrowType.Int(64, false);
            case DataType.Float32Type t -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DataType.Float64Type t -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case DataType.StringType t -> ArrowType.Utf8.INSTANCE;
            case DataType.BinaryType t -> ArrowType.Binary.INSTANCE;
            case DataType.DateType t -> new ArrowType.Date(DateUnit.DAY);
            case DataType.TimeType t -> new ArrowType.Time(org.apache.arrow.vector.types.TimeUnit.NANOSECOND, 64);
            case DataType.NullType t -> ArrowType.Null.INSTANCE;
            case DataType.DatetimeType datetime -> new ArrowType.Timestamp(toArrowUnit(datetime.unit()),
                    datetime.timeZone());
            case DataType.DurationType duration -> new ArrowType.Duration(toArrowUnit(duration.unit()));
            case DataType.DecimalType decimal -> new ArrowType.Decimal(decimal.precision(), decimal.scale(), 128);
            case DataType.ListType list -> ArrowType.List.INSTANCE;
            case DataType.StructType struct -> ArrowType.Struct.INSTANCE;
        };
    }

    static org.apache.arrow.vector.types.TimeUnit toArrowUnit(TimeUnit unit) {
        return switch (unit) {
            case MILLISECONDS -> org.apache.arrow.vector.types.TimeUnit.MILLISECOND;
            case MICROSECONDS -> org.apache.arrow.vector.types.TimeUnit.MICROSECOND;
            case NANOSECONDS -> org.apache.arrow.vector.types.TimeUnit.NANOSECOND;
        };
    }

    /** Arrow seconds become milliseconds: Floe has no second unit. */
    static TimeUnit fromArrowUnit(org.apache.arrow.vector.types.TimeUnit unit) {
        return switch (unit) {
            case SECOND, MILLISECOND -> TimeUnit.MILLISECONDS;
            case MICROSECOND -> TimeUnit.MICROSECONDS;
            case NANOSECOND -> TimeUnit.NANOSECONDS;
        };
    }

    public static Schema fromArrowSchema(org.apache.arrow.vector.types.pojo.Schema schema) {
        return fromArrowSchema(schema, null);
    }

    /**
     * The Floe schema of an Arrow schema as a reader holds it in memory: a dictionary-encoded field's own type
     * is its index type, so its Floe type is taken from the dictionary's values in {@code dictionaries}.
     */
    public static Schema fromArrowSchema(org.apache.arrow.vector.types.pojo.Schema schema,
            DictionaryProvider dictionaries) {
        List<Field> fields = new ArrayList<>(schema.getFields().size());
        for (org.apache.arrow.vector.types.pojo.Field field : schema.getFields()) {
            fields.add(Field.of(field.getName(), fromArrowType(field, dictionaries)));
        }
        return new Schema(fields);
    }

    static DataType fromArrowType(org.apache.arrow.vector.types.pojo.Field field, DictionaryProvider dictionaries) {
        DictionaryEncoding encoding = field.getDictionary();
        if (encoding == null || dictionaries == null) {
            return fromArrowType(field);
        }
        Dictionary dictionary = dictionaries.lookup(encoding.getId());
        if (dictionary == null) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, "column '" + field.getName()
                    + "' is dictionary-encoded but its dictionary " + encoding.getId() + " is missing");
        }
        return fromArrowType(dictionary.getVector().getField());
    }

    public static Field fromArrowField(org.apache.arrow.vector.types.pojo.Field field) {
        return Field.of(field.getName(), fromArrowType(field));
    }

    /** The Floe type of an Arrow field; a dictionary-encoded field has the type of its values. */
    static DataType fromArrowType(org.apache.arrow.vector.types.pojo.Field field) {
        ArrowType type = field.getType();
        return switch (type) {
            case ArrowType.Null t -> DataType.NULL;
            case ArrowType.Bool t -> DataType.BOOLEAN;
            case ArrowType.Int integer -> switch (integer.getBitWidth()) {
                case 8 -> integer.getIsSigned() ? DataType.INT8 : DataType.UINT8;
                case 16 -> integer.getIsSigned() ? DataType.INT16 : DataType.UINT16;
                case 32 -> integer.getIsSigned() ? DataType.INT32 : DataType.UINT32;
                default -> integer.getIsSigned() ? DataType.INT64 : DataType.UINT64;
            };
            case ArrowType.FloatingPoint floating -> floating.getPrecision() == FloatingPointPrecision.DOUBLE
                    ? DataType.FLOAT64 : DataType.FLOAT32;
            case ArrowType.Utf8 t -> DataType.STRING;
            case ArrowType.LargeUtf8 t -> DataType.STRING;
            case ArrowType.Utf8View t -> DataType.STRING;
            case ArrowType.Binary t -> DataType.BINARY;
            case ArrowType.LargeBinary t -> DataType.BINARY;
            case ArrowType.BinaryView t -> DataType.BINARY;
            case ArrowType.FixedSizeBinary t -> DataType.BINARY;
            case ArrowType.Date t -> DataType.DATE;
            case ArrowType.Time t -> DataType.TIME;
            case ArrowType.Timestamp timestamp -> DataType.datetime(fromArrowUnit(timestamp.getUnit()),
                    timestamp.getTimezone() == null || timestamp.getTimezone().isBlank() ? null
                            : timestamp.getTimezone());
            case ArrowType.Duration duration -> DataType.duration(fromArrowUnit(duration.getUnit()));
            case ArrowType.Decimal decimal -> {
                if (decimal.getPrecision() > DataType.DecimalType.MAX_PRECISION) {
                    throw unsupported(field, "decimals wider than 38 digits");
                }
                yield DataType.decimal(decimal.getPrecision(), decimal.getScale());
            }
            case ArrowType.List t -> DataType.list(fromArrowType(field.getChildren().getFirst()));
            case ArrowType.LargeList t -> DataType.list(fromArrowType(field.getChildren().getFirst()));
            case ArrowType.FixedSizeList t -> DataType.list(fromArrowType(field.getChildren().getFirst()));
            case ArrowType.Struct t -> {
                List<Field> children = new ArrayList<>();
                for (org.apache.arrow.vector.types.pojo.Field child : field.getChildren()) {
                    children.add(fromArrowField(child));
                }
                yield DataType.struct(children);
            }
            default -> throw unsupported(field, type.toString());
        };
    }

    private static FloeException unsupported(org.apache.arrow.vector.types.pojo.Field field, String what) {
        return new FloeException(ErrorCode.TYPE_MISMATCH, "column '" + field.getName() + "' has the Arrow type "
                + field.getType() + " (" + what + "), which Floe cannot read; supported are integers, floats, "
                + "booleans, strings, binary, dates, times, timestamps, durations, decimals, lists and structs");
    }
}
