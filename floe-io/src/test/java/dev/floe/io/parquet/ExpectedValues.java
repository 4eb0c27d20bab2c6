package dev.floe.io.parquet;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Values;
import dev.floe.core.vector.Vector;
import dev.floe.io.testing.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Compares vectors with the fixtures' expected ndjson encoding (see the fixtures README): returns a
 * description of every mismatch, empty when all values match.
 */
final class ExpectedValues {
    private ExpectedValues() {
    }

    static List<String> mismatches(Batch batch, List<Map<String, Object>> expected) {
        List<String> problems = new ArrayList<>();
        if (batch.rowCount() != expected.size()) {
            problems.add("row count " + batch.rowCount() + " != expected " + expected.size());
            return problems;
        }
        for (int c = 0; c < batch.columnCount(); c++) {
            String name = batch.schema().field(c).name();
            Vector vector = batch.column(c);
            for (int row = 0; row < expected.size(); row++) {
                if (!expected.get(row).containsKey(name)) {
                    problems.add("expected rows have no column " + name);
                    break;
                }
                Object want = expected.get(row).get(name);
                if (!matches(vector, row, want)) {
                    problems.add(name + " row " + row + ": got " + vector.getObject(row) + " expected " + want);
                    if (problems.size() > 20) {
                        return problems;
                    }
                }
            }
        }
        return problems;
    }

    static boolean matches(Vector vector, int row, Object want) {
        if (vector.isNull(row) || want == null) {
            return vector.isNull(row) && want == null;
        }
        DataType type = vector.type();
        return switch (vector) {
            case BooleanVector booleans -> want.equals(booleans.get(row));
            case IntVector ints -> type instanceof DataType.DateType
                    ? LocalDate.ofEpochDay(ints.get(row)).toString().equals(want)
                    : Long.parseLong(text(want)) == ints.get(row);
            case LongVector longs -> matchesLong(type, longs.get(row), want);
            case DoubleVector doubles -> type instanceof DataType.Float32Type
                    ? Float.compare(Float.parseFloat(text(want)), (float) doubles.get(row)) == 0
                    : Double.compare(Double.parseDouble(text(want)), doubles.get(row)) == 0;
            case BytesVector bytes -> type instanceof DataType.StringType
                    ? bytes.getString(row).equals(want)
                    : java.util.Arrays.equals(bytes.getBytes(row), Base64.getDecoder().decode((String) want));
            case Int128Vector wide -> new BigDecimal((String) want).compareTo((BigDecimal) wide.getObject(row)) == 0;
            case ListVector list -> {
                if (!(want instanceof List<?> items)) {
                    yield false;
                }
                int start = list.offsets()[row];
                int end = list.offsets()[row + 1];
                if (end - start != items.size()) {
                    yield false;
                }
                for (int i = 0; i < items.size(); i++) {
                    if (!matches(list.elements(), start + i, items.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case StructVector struct -> {
                if (!(want instanceof Map<?, ?> fields)) {
                    yield false;
                }
                for (int i = 0; i < struct.children().size(); i++) {
                    String field = struct.type().fields().get(i).name();
                    if (!matches(struct.children().get(i), row, fields.get(field))) {
                        yield false;
                    }
                }
                yield true;
            }
            case NullVector nulls -> false;
        };
    }

    private static boolean matchesLong(DataType type, long value, Object want) {
        return switch (type) {
            case DataType.UInt64Type t -> Long.parseUnsignedLong(text(want)) == value;
            case DataType.DatetimeType datetime -> {
                Map<?, ?> object = (Map<?, ?>) want;
                String iso = (String) object.get("iso");
                Instant expected = iso.length() > 6 && (iso.charAt(iso.length() - 6) == '+'
                        || iso.charAt(iso.length() - 6) == '-') && iso.charAt(iso.length() - 3) == ':'
                        ? OffsetDateTime.parse(iso).toInstant()
                        : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
                yield expected.equals(Values.toInstant(datetime.unit(), value));
            }
            case DataType.DurationType duration -> {
                long micros = switch (duration.unit()) {
                    case MILLISECONDS -> value * 1000;
                    case MICROSECONDS -> value;
                    case NANOSECONDS -> value / 1000;
                };
                yield Long.parseLong(text(want)) == micros;
            }
            case DataType.TimeType t -> LocalTime.parse(text(want)).toNanoOfDay() == value;
            case DataType.DecimalType decimal -> new BigDecimal(text(want)).compareTo(
                    BigDecimal.valueOf(value, decimal.scale())) == 0;
            default -> Long.parseLong(text(want)) == value;
        };
    }

    private static String text(Object json) {
        return Json.text(json);
    }

}
