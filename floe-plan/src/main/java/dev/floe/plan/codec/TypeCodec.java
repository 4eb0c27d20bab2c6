package dev.floe.plan.codec;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.types.TimeUnit;
import java.util.ArrayList;
import java.util.List;

/** Data types, fields and schemas in the plan codec: a tag byte, then the type's parameters. */
final class TypeCodec {
    private TypeCodec() {
    }

    static void write(CodecWriter out, DataType type) {
        switch (type) {
            case DataType.BooleanType t -> out.writeByte(0);
            case DataType.Int8Type t -> out.writeByte(1);
            case DataType.Int16Type t -> out.writeByte(2);
            case DataType.Int32Type t -> out.writeByte(3);
            case DataType.Int64Type t -> out.writeByte(4);
            case DataType.UInt8Type t -> out.writeByte(5);
            case DataType.UInt16Type t -> out.writeByte(6);
            case DataType.UInt32Type t -> out.writeByte(7);
            case DataType.UInt64Type t -> out.writeByte(8);
            case DataType.Float32Type t -> out.writeByte(9);
            case DataType.Float64Type t -> out.writeByte(10);
            case DataType.StringType t -> out.writeByte(11);
            case DataType.BinaryType t -> out.writeByte(12);
            case DataType.DateType t -> out.writeByte(13);
            case DataType.TimeType t -> out.writeByte(14);
            case DataType.NullType t -> out.writeByte(15);
            case DataType.DatetimeType datetime -> {
                out.writeByte(16);
                out.writeByte(datetime.unit().ordinal());
                out.writeNullableString(datetime.timeZone());
            }
            case DataType.DurationType duration -> {
                out.writeByte(17);
                out.writeByte(duration.unit().ordinal());
            }
            case DataType.DecimalType decimal -> {
                out.writeByte(18);
                out.writeByte(decimal.precision());
                out.writeByte(decimal.scale());
            }
            case DataType.ListType list -> {
                out.writeByte(19);
                write(out, list.inner());
            }
            case DataType.StructType struct -> {
                out.writeByte(20);
                writeFields(out, struct.fields());
            }
        }
    }

    static DataType read(CodecReader in) {
        int tag = in.readByte();
        in.enter();
        try {
            return switch (tag) {
                case 0 -> DataType.BOOLEAN;
                case 1 -> DataType.INT8;
                case 2 -> DataType.INT16;
                case 3 -> DataType.INT32;
                case 4 -> DataType.INT64;
                case 5 -> DataType.UINT8;
                case 6 -> DataType.UINT16;
                case 7 -> DataType.UINT32;
                case 8 -> DataType.UINT64;
                case 9 -> DataType.FLOAT32;
                case 10 -> DataType.FLOAT64;
                case 11 -> DataType.STRING;
                case 12 -> DataType.BINARY;
                case 13 -> DataType.DATE;
                case 14 -> DataType.TIME;
                case 15 -> DataType.NULL;
                case 16 -> DataType.datetime(in.readEnum(TimeUnit.class), in.readNullableString());
                case 17 -> DataType.duration(in.readEnum(TimeUnit.class));
                case 18 -> DataType.decimal(in.readByte(), in.readByte());
                case 19 -> DataType.list(read(in));
                case 20 -> DataType.struct(readFields(in));
                default -> throw CodecReader.invalid("unknown data type tag " + tag);
            };
        } finally {
            in.exit();
        }
    }

    static void writeFields(CodecWriter out, List<Field> fields) {
        out.writeInt(fields.size());
        for (Field field : fields) {
            out.writeString(field.name());
            write(out, field.type());
        }
    }

    static List<Field> readFields(CodecReader in) {
        int count = in.readCount(5);
        List<Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add(new Field(in.readString(), read(in)));
        }
        return fields;
    }

    static void writeSchema(CodecWriter out, Schema schema) {
        writeFields(out, schema.fields());
    }

    static Schema readSchema(CodecReader in) {
        return new Schema(readFields(in));
    }
}
