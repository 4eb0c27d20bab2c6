package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flatbuf.Duration;
import org.apache.arrow.flatbuf.Field;
import org.apache.arrow.flatbuf.Message;
import org.apache.arrow.flatbuf.MessageHeader;
import org.apache.arrow.flatbuf.Schema;
import org.apache.arrow.flatbuf.Timestamp;
import org.apache.arrow.flatbuf.Type;
import org.apache.parquet.format.KeyValue;

/**
 * Types the Parquet schema cannot say but writers record in the footer's key-value metadata: Arrow's
 * {@code ARROW:schema} (time zones, durations) and Floe's own {@code floe.column_types}. Keyed by top-level
 * column name; unreadable metadata gives no hints rather than an error.
 */
final class ArrowSchemaHints {
    static final String FLOE_TYPES_KEY = "floe.column_types";

    private ArrowSchemaHints() {
    }

    static Map<String, DataType> read(List<KeyValue> metadata) {
        Map<String, DataType> hints = new HashMap<>();
        if (metadata == null) {
            return hints;
        }
        for (KeyValue entry : metadata) {
            if ("ARROW:schema".equals(entry.getKey()) && entry.getValue() != null) {
                try {
                    readArrow(entry.getValue(), hints);
                } catch (RuntimeException ignored) {
                    // a schema we cannot parse only costs the hints
                }
            }
        }
        for (KeyValue entry : metadata) {
            if (FLOE_TYPES_KEY.equals(entry.getKey()) && entry.getValue() != null) {
                readFloe(entry.getValue(), hints);
            }
        }
        return hints;
    }

    private static void readArrow(String encoded, Map<String, DataType> hints) {
        ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(0) == -1) {
            buffer.position(8);
        } else {
            buffer.position(4);
        }
        Message message = Message.getRootAsMessage(buffer.slice().order(ByteOrder.LITTLE_ENDIAN));
        if (message.headerType() != MessageHeader.Schema) {
            return;
        }
        Schema schema = (Schema) message.header(new Schema());
        for (int i = 0; i < schema.fieldsLength(); i++) {
            Field field = schema.fields(i);
            DataType type = switch (field.typeType()) {
                case Type.Timestamp -> {
                    Timestamp timestamp = (Timestamp) field.type(new Timestamp());
                    yield DataType.datetime(unit(timestamp.unit()), timestamp.timezone());
                }
                case Type.Duration -> DataType.duration(unit(((Duration) field.type(new Duration())).unit()));
                case Type.Utf8, Type.LargeUtf8, Type.Utf8View -> DataType.STRING;
                default -> null;
            };
            if (type != null && field.name() != null) {
                hints.put(field.name(), type);
            }
        }
    }

    private static TimeUnit unit(short arrowUnit) {
        return switch (arrowUnit) {
            case org.apache.arrow.flatbuf.TimeUnit.MILLISECOND, org.apache.arrow.flatbuf.TimeUnit.SECOND ->
                    TimeUnit.MILLISECONDS;
            case org.apache.arrow.flatbuf.TimeUnit.MICROSECOND -> TimeUnit.MICROSECONDS;
            default -> TimeUnit.NANOSECONDS;
        };
    }

    /** Lines {@code name<TAB>kind<TAB>unit[<TAB>zone]}, kind {@code duration} or {@code datetime}. */
    private static void readFloe(String text, Map<String, DataType> hints) {
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t");
            if (parts.length < 3) {
                continue;
            }
            TimeUnit unit = switch (parts[2]) {
                case "ms" -> TimeUnit.MILLISECONDS;
                case "us" -> TimeUnit.MICROSECONDS;
                default -> TimeUnit.NANOSECONDS;
            };
            if (parts[1].equals("duration")) {
                hints.put(parts[0], DataType.duration(unit));
            } else if (parts[1].equals("datetime")) {
                hints.put(parts[0], DataType.datetime(unit, parts.length > 3 ? parts[3] : null));
            }
        }
    }

    static String unitName(TimeUnit unit) {
        return switch (unit) {
            case MILLISECONDS -> "ms";
            case MICROSECONDS -> "us";
            case NANOSECONDS -> "ns";
        };
    }
}
