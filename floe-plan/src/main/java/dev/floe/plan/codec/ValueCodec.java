package dev.floe.plan.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java values (literals, is_in lists, in-memory rows) with a tag byte naming their class, so values round-trip
 * to the same class: Integer stays Integer, Float stays Float, LocalDate stays LocalDate.
 */
final class ValueCodec {
    private ValueCodec() {
    }

    static void write(CodecWriter out, Object value) {
        switch (value) {
            case null -> out.writeByte(0);
            case Boolean b -> {
                out.writeByte(1);
                out.writeBoolean(b);
            }
            case Byte b -> {
                out.writeByte(2);
                out.writeByte(b);
            }
            case Short s -> {
                out.writeByte(3);
                out.writeInt(s);
            }
            case Integer i -> {
                out.writeByte(4);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeByte(5);
                out.writeLong(l);
            }
            case Float f -> {
                out.writeByte(6);
                out.writeInt(Float.floatToRawIntBits(f));
            }
            case Double d -> {
                out.writeByte(7);
                out.writeDouble(d);
            }
            case String s -> {
                out.writeByte(8);
                out.writeString(s);
            }
            case byte[] bytes -> {
                out.writeByte(9);
                out.writeBytes(bytes);
            }
            case LocalDate date -> {
                out.writeByte(10);
                out.writeLong(date.toEpochDay());
            }
            case LocalDateTime dateTime -> {
                out.writeByte(11);
                out.writeLong(dateTime.toLocalDate().toEpochDay());
                out.writeLong(dateTime.toLocalTime().toNanoOfDay());
            }
            case ZonedDateTime zoned -> {
                out.writeByte(12);
                out.writeLong(zoned.toLocalDate().toEpochDay());
                out.writeLong(zoned.toLocalTime().toNanoOfDay());
                out.writeString(zoned.getZone().getId());
            }
            case LocalTime time -> {
                out.writeByte(13);
                out.writeLong(time.toNanoOfDay());
            }
            case Duration duration -> {
                out.writeByte(14);
                out.writeLong(duration.getSeconds());
                out.writeInt(duration.getNano());
            }
            case BigDecimal decimal -> {
                out.writeByte(15);
                out.writeBytes(decimal.unscaledValue().toByteArray());
                out.writeInt(decimal.scale());
            }
            case BigInteger integer -> {
                out.writeByte(16);
                out.writeBytes(integer.toByteArray());
            }
            case List<?> list -> {
                out.writeByte(17);
                out.writeInt(list.size());
                list.forEach(element -> write(out, element));
            }
            case Map<?, ?> map -> {
                out.writeByte(18);
                out.writeInt(map.size());
                map.forEach((key, element) -> {
                    out.writeString(String.valueOf(key));
                    write(out, element);
                });
            }
            default -> throw dev.floe.core.FloeException.invalidArgument("cannot serialize a value of class "
                    + value.getClass().getName());
        }
    }

    static Object read(CodecReader in) {
        int tag = in.readByte();
        in.enter();
        try {
            return switch (tag) {
                case 0 -> null;
                case 1 -> in.readBoolean();
                case 2 -> (byte) in.readByte();
                case 3 -> (short) in.readInt();
                case 4 -> in.readInt();
                case 5 -> in.readLong();
                case 6 -> Float.intBitsToFloat(in.readInt());
                case 7 -> in.readDouble();
                case 8 -> in.readString();
                case 9 -> in.readBytes();
                case 10 -> LocalDate.ofEpochDay(in.readLong());
                case 11 -> LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
                case 12 -> ZonedDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()),
                        ZoneId.of(in.readString()));
                case 13 -> LocalTime.ofNanoOfDay(in.readLong());
                case 14 -> Duration.ofSeconds(in.readLong(), in.readInt());
                case 15 -> {
                    byte[] unscaled = in.readBytes();
                    if (unscaled.length == 0) {
                        throw CodecReader.invalid("empty decimal");
                    }
                    yield new BigDecimal(new BigInteger(unscaled), in.readInt());
                }
                case 16 -> {
                    byte[] raw = in.readBytes();
                    if (raw.length == 0) {
                        throw CodecReader.invalid("empty big integer");
                    }
                    yield new BigInteger(raw);
                }
                case 17 -> {
                    int count = in.readCount(1);
                    List<Object> list = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        list.add(read(in));
                    }
                    yield list;
                }
                case 18 -> {
                    int count = in.readCount(5);
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < count; i++) {
                        map.put(in.readString(), read(in));
                    }
                    yield map;
                }
                default -> throw CodecReader.invalid("unknown value tag " + tag);
            };
        } catch (DateTimeException | ArithmeticException e) {
            throw CodecReader.invalid("bad temporal or numeric value: " + e.getMessage());
        } finally {
            in.exit();
        }
    }
}
