package dev.floe.io.csv;

import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.TimeUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text encoding of the {@code schema_overrides} option: {@code name:Type} entries separated by commas,
 * for example {@code id:Int64,day:Date,ts:Datetime(us, UTC),price:Decimal(15, 2)}. The type is the text after
 * the last {@code :} of an entry; commas inside parentheses belong to the type. Type names: Boolean, Int8,
 * Int16, Int32, Int64, UInt8, UInt16, UInt32, UInt64, Float32, Float64, String (also Utf8, Categorical),
 * Binary, Date, Time, Null, Datetime (microseconds) or Datetime(unit[, zone]) with unit ms/us/ns,
 * Duration(unit), Decimal(precision, scale). A column name may not contain a comma.
 */
public final class CsvTypeNames {
    private CsvTypeNames() {
    }

    public static Map<String, DataType> parseOverrides(String text) {
        Map<String, DataType> overrides = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return overrides;
        }
        for (String entry : splitTopLevel(text)) {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) {
                throw FloeException.invalidArgument("schema_overrides entry '" + entry
                        + "' is not name:Type (for example id:Int64,day:Date)");
            }
            overrides.put(entry.substring(0, colon).trim(), parseType(entry.substring(colon + 1).trim()));
        }
        return overrides;
    }

    /** The {@code schema_overrides} text for a map of column types (the inverse of {@link #parseOverrides}). */
    public static String encodeOverrides(Map<String, DataType> overrides) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, DataType> entry : overrides.entrySet()) {
            if (entry.getKey().indexOf(',') >= 0) {
                throw FloeException.invalidArgument("column name '" + entry.getKey()
                        + "' contains a comma, which schema_overrides cannot encode");
            }
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(entry.getKey()).append(':').append(typeName(entry.getValue()));
        }
        return out.toString();
    }

    public static String typeName(DataType type) {
        return switch (type) {
            case DataType.DatetimeType datetime -> "Datetime(" + unitName(datetime.unit())
                    + (datetime.timeZone() == null ? "" : ", " + datetime.timeZone()) + ")";
            case DataType.DurationType duration -> "Duration(" + unitName(duration.unit()) + ")";
            case DataType.DecimalType decimal -> "Decimal(" + decimal.precision() + ", " + decimal.scale() + ")";
            case DataType.BooleanType _, DataType.Int8Type _, DataType.Int16Type _, DataType.Int32Type _,
                    DataType.Int64Type _, DataType.UInt8Type _, DataType.UInt16Type _, DataType.UInt32Type _,
                    DataType.UInt64Type _, DataType.Float32Type _, DataType.Float64Type _,
                    DataType.StringType _, DataType.BinaryType _, DataType.DateType _, DataType.TimeType _,
                    DataType.NullType _, DataType.ListType _, DataType.StructType _ -> type.toString();
        };
    }

    private static String unitName(TimeUnit unit) {
        return switch (unit) {
            case MILLISECONDS -> "ms";
            case MICROSECONDS -> "us";
            case NANOSECONDS -> "ns";
        };
    }

    public static DataType parseType(String text) {
        String name = text.trim();
        int open = name.indexOf('(');
        List<String> arguments = List.of();
        if (open >= 0) {
            if (!name.endsWith(")")) {
                throw unknown(text);
            }
            arguments = splitTopLevel(name.substring(open + 1, name.length() - 1));
            name = name.substring(0, open).trim();
        }
        String key = name.toLowerCase(Locale.ROOT);
        DataType simple = switch (key) {
            case "boolean", "bool" -> DataType.BOOLEAN;
            case "int8" -> DataType.INT8;
            case "int16" -> DataType.INT16;
            case "int32" -> DataType.INT32;
            case "int64" -> DataType.INT64;
            case "uint8" -> DataType.UINT8;
            case "uint16" -> DataType.UINT16;
            case "uint32" -> DataType.UINT32;
            case "uint64" -> DataType.UINT64;
            case "float32" -> DataType.FLOAT32;
            case "float64" -> DataType.FLOAT64;
            case "string", "utf8", "str", "categorical" -> DataType.STRING;
            case "binary" -> DataType.BINARY;
            case "date" -> DataType.DATE;
            case "time" -> DataType.TIME;
            case "null" -> DataType.NULL;
            default -> null;
        };
        if (simple != null) {
            if (!arguments.isEmpty()) {
                throw unknown(text);
            }
            return simple;
        }
        try {
            return switch (key) {
                case "datetime" -> DataType.datetime(arguments.isEmpty() ? TimeUnit.MICROSECONDS
                        : parseUnit(arguments.get(0), text), arguments.size() > 1 ? arguments.get(1).trim() : null);
                case "duration" -> DataType.duration(arguments.isEmpty() ? TimeUnit.MICROSECONDS
                        : parseUnit(arguments.get(0), text));
                case "decimal" -> {
                    if (arguments.size() != 2) {
                        throw unknown(text);
                    }
                    yield DataType.decimal(Integer.parseInt(arguments.get(0).trim()),
                            Integer.parseInt(arguments.get(1).trim()));
                }
                default -> throw unknown(text);
            };
        } catch (NumberFormatException e) {
            throw unknown(text);
        }
    }

    private static TimeUnit parseUnit(String text, String type) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "ms" -> TimeUnit.MILLISECONDS;
            case "us", "μs" -> TimeUnit.MICROSECONDS;
            case "ns" -> TimeUnit.NANOSECONDS;
            default -> throw FloeException.invalidArgument("unknown time unit '" + text + "' in type '" + type
                    + "'; use ms, us or ns");
        };
    }

    private static FloeException unknown(String text) {
        return FloeException.invalidArgument("unknown CSV column type '" + text + "'; use Boolean, Int8..Int64, "
                + "UInt8..UInt64, Float32, Float64, String, Binary, Date, Time, Null, Datetime(unit[, zone]), "
                + "Duration(unit) or Decimal(precision, scale)");
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = text.substring(start).trim();
        if (!last.isEmpty() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }
}
