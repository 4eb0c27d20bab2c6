package dev.floe.plan.codec;

import dev.floe.plan.function.AggregateFunction;
import dev.floe.plan.function.ClosedInterval;
import dev.floe.plan.function.QuantileMethod;
import dev.floe.plan.function.ScalarFunction;
import java.util.ArrayList;
import java.util.List;

/** Scalar and aggregate function records in the plan codec: a tag byte, then the record's parameters. */
final class FunctionCodec {
    private FunctionCodec() {
    }

    static void writeScalar(CodecWriter out, ScalarFunction function) {
        switch (function) {
            case ScalarFunction.IsNull f -> out.writeByte(0);
            case ScalarFunction.IsNotNull f -> out.writeByte(1);
            case ScalarFunction.FillNull f -> out.writeByte(2);
            case ScalarFunction.Not f -> out.writeByte(3);
            case ScalarFunction.Negate f -> out.writeByte(4);
            case ScalarFunction.IsIn isIn -> {
                out.writeByte(5);
                out.writeInt(isIn.values().size());
                isIn.values().forEach(v -> ValueCodec.write(out, v));
            }
            case ScalarFunction.IsBetween between -> {
                out.writeByte(6);
                out.writeByte(between.closed().ordinal());
            }
            case ScalarFunction.Abs f -> out.writeByte(7);
            case ScalarFunction.Sqrt f -> out.writeByte(8);
            case ScalarFunction.Round round -> {
                out.writeByte(9);
                out.writeInt(round.decimals());
            }
            case ScalarFunction.StrContains contains -> {
                out.writeByte(10);
                out.writeString(contains.pattern());
                out.writeBoolean(contains.literal());
            }
            case ScalarFunction.StrStartsWith startsWith -> {
                out.writeByte(11);
                out.writeString(startsWith.prefix());
            }
            case ScalarFunction.StrEndsWith endsWith -> {
                out.writeByte(12);
                out.writeString(endsWith.suffix());
            }
            case ScalarFunction.StrSlice slice -> {
                out.writeByte(13);
                out.writeLong(slice.offset());
                out.writeBoolean(slice.length() != null);
                if (slice.length() != null) {
                    out.writeLong(slice.length());
                }
            }
            case ScalarFunction.StrLenChars f -> out.writeByte(14);
            case ScalarFunction.StrToUppercase f -> out.writeByte(15);
            case ScalarFunction.StrToLowercase f -> out.writeByte(16);
            case ScalarFunction.StrReplace replace -> {
                out.writeByte(17);
                out.writeString(replace.pattern());
                out.writeString(replace.replacement());
                out.writeBoolean(replace.literal());
                out.writeBoolean(replace.all());
            }
            case ScalarFunction.Year f -> out.writeByte(18);
            case ScalarFunction.Month f -> out.writeByte(19);
            case ScalarFunction.Day f -> out.writeByte(20);
            case ScalarFunction.Weekday f -> out.writeByte(21);
            case ScalarFunction.Quarter f -> out.writeByte(22);
            case ScalarFunction.OrdinalDay f -> out.writeByte(23);
        }
    }

    static ScalarFunction readScalar(CodecReader in) {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> new ScalarFunction.IsNull();
            case 1 -> new ScalarFunction.IsNotNull();
            case 2 -> new ScalarFunction.FillNull();
            case 3 -> new ScalarFunction.Not();
            case 4 -> new ScalarFunction.Negate();
            case 5 -> {
                int count = in.readCount(1);
                List<Object> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(ValueCodec.read(in));
                }
                yield new ScalarFunction.IsIn(values);
            }
            case 6 -> new ScalarFunction.IsBetween(in.readEnum(ClosedInterval.class));
            case 7 -> new ScalarFunction.Abs();
            case 8 -> new ScalarFunction.Sqrt();
            case 9 -> new ScalarFunction.Round(in.readInt());
            case 10 -> new ScalarFunction.StrContains(in.readString(), in.readBoolean());
            case 11 -> new ScalarFunction.StrStartsWith(in.readString());
            case 12 -> new ScalarFunction.StrEndsWith(in.readString());
            case 13 -> new ScalarFunction.StrSlice(in.readLong(), in.readBoolean() ? in.readLong() : null);
            case 14 -> new ScalarFunction.StrLenChars();
            case 15 -> new ScalarFunction.StrToUppercase();
            case 16 -> new ScalarFunction.StrToLowercase();
            case 17 -> new ScalarFunction.StrReplace(in.readString(), in.readString(), in.readBoolean(),
                    in.readBoolean());
            case 18 -> new ScalarFunction.Year();
            case 19 -> new ScalarFunction.Month();
            case 20 -> new ScalarFunction.Day();
            case 21 -> new ScalarFunction.Weekday();
            case 22 -> new ScalarFunction.Quarter();
            case 23 -> new ScalarFunction.OrdinalDay();
            default -> throw CodecReader.invalid("unknown scalar function tag " + tag);
        };
    }

    static void writeAggregate(CodecWriter out, AggregateFunction function) {
        switch (function) {
            case AggregateFunction.Sum f -> out.writeByte(0);
            case AggregateFunction.Mean f -> out.writeByte(1);
            case AggregateFunction.Min f -> out.writeByte(2);
            case AggregateFunction.Max f -> out.writeByte(3);
            case AggregateFunction.Count f -> out.writeByte(4);
            case AggregateFunction.Len f -> out.writeByte(5);
            case AggregateFunction.NUnique f -> out.writeByte(6);
            case AggregateFunction.First f -> out.writeByte(7);
            case AggregateFunction.Last f -> out.writeByte(8);
            case AggregateFunction.Median f -> out.writeByte(9);
            case AggregateFunction.Std std -> {
                out.writeByte(10);
                out.writeInt(std.ddof());
            }
            case AggregateFunction.Var var -> {
                out.writeByte(11);
                out.writeInt(var.ddof());
            }
            case AggregateFunction.Quantile quantile -> {
                out.writeByte(12);
                out.writeDouble(quantile.quantile());
                out.writeByte(quantile.method().ordinal());
            }
        }
    }

    static AggregateFunction readAggregate(CodecReader in) {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> new AggregateFunction.Sum();
            case 1 -> new AggregateFunction.Mean();
            case 2 -> new AggregateFunction.Min();
            case 3 -> new AggregateFunction.Max();
            case 4 -> new AggregateFunction.Count();
            case 5 -> new AggregateFunction.Len();
            case 6 -> new AggregateFunction.NUnique();
            case 7 -> new AggregateFunction.First();
            case 8 -> new AggregateFunction.Last();
            case 9 -> new AggregateFunction.Median();
            case 10 -> new AggregateFunction.Std(in.readInt());
            case 11 -> new AggregateFunction.Var(in.readInt());
            case 12 -> new AggregateFunction.Quantile(in.readDouble(), in.readEnum(QuantileMethod.class));
            default -> throw CodecReader.invalid("unknown aggregate function tag " + tag);
        };
    }
}
