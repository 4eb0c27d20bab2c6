package dev.floe.io.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.ListVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.StructVector;
import dev.floe.core.vector.Vector;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The fixtures' expected rows ({@code fixtures/expected/*.ndjson}) and a value-by-value comparison with batches. */
public final class ExpectedRows {
    private ExpectedRows() {
    }

    public static Path fixture(String relative) {
        try {
            return Path.of(ExpectedRows.class.getResource("/fixtures/" + relative).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Map<String, Object>> load(String table) {
        return Json.readLines(fixture("expected/" + table + ".ndjson"));
    }

    /** Every column of the batches equals the expected rows' value of the same name, row by row. */
    public static void assertMatches(List<Batch> batches, List<Map<String, Object>> expected, String context) {
        int row = 0;
        for (Batch batch : batches) {
            for (int r = 0; r < batch.rowCount(); r++, row++) {
                assertThat(row).as(context + ": more rows than expected").isLessThan(expected.size());
                Map<String, Object> expectedRow = expected.get(row);
                for (int c = 0; c < batch.columnCount(); c++) {
                    String name = batch.schema().field(c).name();
                    assertThat(expectedRow).as(context + ": expected column " + name).containsKey(name);
                    assertValue(batch.column(c), r, expectedRow.get(name), context + " row " + row + " column " + name);
                }
            }
        }
        assertThat(row).as(context + ": row count").isEqualTo(expected.size());
    }

    @SuppressWarnings("unchecked")
    public static void assertValue(Vector vector, int row, Object expected, String context) {
        if (expected == null) {
            assertThat(vector.isNull(row)).as(context + " should be null but is " + vector.getObject(row)).isTrue();
            return;
        }
        assertThat(vector.isNull(row)).as(context + " should be " + expected + " but is null").isFalse();
        DataType type = vector.type();
        switch (vector) {
            case DoubleVector doubles -> {
                double actual = doubles.get(row);
                if (expected instanceof String special) {
                    double wanted = switch (special) {
                        case "NaN" -> Double.NaN;
                        case "Infinity" -> Double.POSITIVE_INFINITY;
                        default -> Double.NEGATIVE_INFINITY;
                    };
                    assertThat(Double.compare(actual, wanted)).as(context + " " + actual + " vs " + wanted).isZero();
                } else if (type instanceof DataType.Float32Type) {
                    float wanted = Float.parseFloat(expected.toString());
                    assertThat(Float.floatToIntBits((float) actual)).as(context + " " + actual + " vs " + wanted)
                            .isEqualTo(Float.floatToIntBits(wanted));
                } else {
                    double wanted = Double.parseDouble(expected.toString());
                    assertThat(Double.doubleToLongBits(actual)).as(context + " " + actual + " vs " + wanted)
                            .isEqualTo(Double.doubleToLongBits(wanted));
                }
            }
            case BytesVector bytes -> {
                String actual = type instanceof DataType.BinaryType
                        ? Base64.getEncoder().encodeToString(bytes.getBytes(row)) : bytes.getString(row);
                assertThat(actual).as(context).isEqualTo(expected);
            }
            case IntVector ints -> {
                if (type instanceof DataType.DateType) {
                    assertThat(vector.getObject(row).toString()).as(context).isEqualTo(expected);
                } else {
                    assertThat(new BigDecimal(ints.get(row))).as(context).isEqualByComparingTo((BigDecimal) expected);
                }
            }
            case LongVector longs -> {
                long value = longs.get(row);
                String actual = switch (type) {
                    case DataType.UInt64Type t -> Long.toUnsignedString(value);
                    case DataType.DecimalType d -> vector.getObject(row).toString();
                    case DataType.TimeType t -> String.format("%02d:%02d:%02d.%09d", value / 3_600_000_000_000L,
                            value / 60_000_000_000L % 60, value / 1_000_000_000L % 60, value % 1_000_000_000L);
                    default -> Long.toString(value);
                };
                if (type instanceof DataType.DatetimeType) {
                    assertThat(actual).as(context).isEqualTo(((Map<String, Object>) expected).get("epoch"));
                } else if (type instanceof DataType.UInt32Type) {
                    assertThat(new BigDecimal(value)).as(context).isEqualByComparingTo((BigDecimal) expected);
                } else if (type instanceof DataType.DecimalType) {
                    assertThat(((BigDecimal) vector.getObject(row)).toPlainString()).as(context).isEqualTo(expected);
                } else {
                    assertThat(actual).as(context).isEqualTo(expected);
                }
            }
            case Int128Vector wide -> assertThat(((BigDecimal) wide.getObject(row)).toPlainString()).as(context)
                    .isEqualTo(expected);
            case ListVector list -> {
                List<Object> values = (List<Object>) expected;
                int start = list.offsets()[row];
                int end = list.offsets()[row + 1];
                assertThat(end - start).as(context + " list length").isEqualTo(values.size());
                for (int i = start; i < end; i++) {
                    assertValue(list.elements(), i, values.get(i - start), context + "[" + (i - start) + "]");
                }
            }
            case StructVector struct -> {
                Map<String, Object> values = (Map<String, Object>) expected;
                for (int f = 0; f < struct.children().size(); f++) {
                    String name = struct.type().fields().get(f).name();
                    assertValue(struct.children().get(f), row, values.get(name), context + "." + name);
                }
            }
            default -> {
                Object actual = vector.getObject(row);
                if (expected instanceof BigDecimal number) {
                    assertThat(new BigDecimal(actual.toString())).as(context).isEqualByComparingTo(number);
                } else {
                    assertThat(actual).as(context).isEqualTo(expected);
                }
            }
        }
    }
}
