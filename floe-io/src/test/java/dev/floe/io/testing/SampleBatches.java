package dev.floe.io.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.core.types.TimeUnit;
import dev.floe.core.vector.Batch;
import dev.floe.core.vector.Vector;
import dev.floe.core.vector.Vectors;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made batches covering every Floe type with edge values and nulls, and a value-level batch comparison. */
public final class SampleBatches {
    private SampleBatches() {
    }

    /** Columns of every scalar type CSV can hold (no Binary, no nested), five rows with a null in each. */
    public static Batch scalars() {
        List<Field> fields = new ArrayList<>();
        List<Vector> columns = new ArrayList<>();
        add(fields, columns, "bool", DataType.BOOLEAN, true, false, null, true, false);
        add(fields, columns, "i8", DataType.INT8, (byte) -128, (byte) 127, null, (byte) 0, (byte) -1);
        add(fields, columns, "i16", DataType.INT16, (short) -32768, (short) 32767, null, (short) 0, (short) 5);
        add(fields, columns, "i32", DataType.INT32, Integer.MIN_VALUE, Integer.MAX_VALUE, null, 0, -7);
        add(fields, columns, "i64", DataType.INT64, Long.MIN_VALUE, Long.MAX_VALUE, null, 0L, 42L);
        add(fields, columns, "u8", DataType.UINT8, 0, 255, null, 1, 128);
        add(fields, columns, "u16", DataType.UINT16, 0, 65535, null, 1, 40000);
        add(fields, columns, "u32", DataType.UINT32, 0L, 4294967295L, null, 1L, 3000000000L);
        add(fields, columns, "u64", DataType.UINT64, 0L, BigInteger.TWO.pow(64).subtract(BigInteger.ONE), null, 1L,
                BigInteger.TWO.pow(63));
        add(fields, columns, "f32", DataType.FLOAT32, Float.MAX_VALUE, Float.MIN_VALUE, null, Float.NaN, -0.0f);
        add(fields, columns, "f64", DataType.FLOAT64, Double.MAX_VALUE, Double.MIN_VALUE, null,
                Double.NEGATIVE_INFINITY, 0.1);
        add(fields, columns, "f64b", DataType.FLOAT64, 1.0, 1e21, 1e-7, 123456.789, -2.5e-300);
        add(fields, columns, "str", DataType.STRING, "plain", "with,comma \"quoted\"", null, "",
                "multi\nline\r\nünïcødé 日本");
        add(fields, columns, "date", DataType.DATE, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), null,
                LocalDate.of(1969, 12, 31), LocalDate.of(2000, 2, 29));
        add(fields, columns, "dt_ms", DataType.datetime(TimeUnit.MILLISECONDS),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000), LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                null, LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2021, 3, 28, 1, 0, 0, 1_000_000));
        add(fields, columns, "dt_us", DataType.datetime(TimeUnit.MICROSECONDS),
                LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000), null,
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2000, 1, 1, 0, 0));
        add(fields, columns, "dt_ns", DataType.datetime(TimeUnit.NANOSECONDS),
                LocalDateTime.of(1677, 9, 22, 0, 0), LocalDateTime.of(2262, 4, 10, 23, 59, 59, 999_999_999), null,
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999), LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1));
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        add(fields, columns, "dt_ams", DataType.datetime(TimeUnit.MILLISECONDS, "Europe/Amsterdam"),
                ZonedDateTime.of(2021, 3, 28, 1, 59, 59, 999_000_000, amsterdam),
                ZonedDateTime.of(2021, 3, 28, 3, 0, 0, 0, amsterdam), null,
                ZonedDateTime.of(2021, 10, 31, 2, 30, 0, 0, amsterdam).withLaterOffsetAtOverlap(),
                ZonedDateTime.of(1950, 6, 1, 12, 0, 0, 0, amsterdam));
        add(fields, columns, "dt_utc", DataType.datetime(TimeUnit.MICROSECONDS, "UTC"),
                ZonedDateTime.of(2078, 3, 27, 9, 35, 18, 291_170_000, ZoneId.of("UTC")), null,
                ZonedDateTime.of(1950, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")),
                ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 1000, ZoneId.of("UTC")),
                ZonedDateTime.of(2100, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC")));
        add(fields, columns, "dur", DataType.duration(TimeUnit.MICROSECONDS), Duration.ofSeconds(-1_000_000_000L),
                Duration.ZERO, null, Duration.ofNanos(1000), Duration.ofDays(1));
        add(fields, columns, "time", DataType.TIME, LocalTime.MIN, LocalTime.of(23, 59, 59, 999_999_999), null,
                LocalTime.of(9, 50, 54, 30_217_000), LocalTime.NOON);
        add(fields, columns, "dec15_2", DataType.decimal(15, 2), new BigDecimal("-9999999999999.99"),
                new BigDecimal("9999999999999.99"), null, new BigDecimal("0.00"), new BigDecimal("-0.01"));
        add(fields, columns, "dec38_10", DataType.decimal(38, 10),
                new BigDecimal("-9999999999999999999999999999.9999999999"),
                new BigDecimal("9999999999999999999999999999.9999999999"), null,
                new BigDecimal("0.0000000000"), new BigDecimal("-0.0000000001"));
        add(fields, columns, "nothing", DataType.NULL, null, null, null, null, null);
        return new Batch(new Schema(fields), columns);
    }

    /** {@link #scalars()} plus Binary, List and Struct columns: every Floe type. */
    public static Batch allTypes() {
        Batch scalars = scalars();
        List<Field> fields = new ArrayList<>(scalars.schema().fields());
        List<Vector> columns = new ArrayList<>(scalars.columns());
        add(fields, columns, "bin", DataType.BINARY, new byte[0], new byte[] {0, (byte) 0xFF, (byte) 0xC3}, null,
                new byte[] {1}, new byte[300]);
        add(fields, columns, "l_int", DataType.list(DataType.INT64), List.of(1L, 2L), List.of(),
                null, Arrays.asList(null, 3L), List.of(Long.MIN_VALUE));
        add(fields, columns, "l_str", DataType.list(DataType.STRING), List.of("a", ""), null,
                List.of(), Arrays.asList((String) null), List.of("xyz", "ü"));
        DataType struct = DataType.struct(List.of(Field.of("a", DataType.INT64), Field.of("b", DataType.STRING)));
        add(fields, columns, "s", struct, map(1L, "x"), map(null, null), null, map(2L, null), map(null, "y"));
        add(fields, columns, "l_l", DataType.list(DataType.list(DataType.INT32)), List.of(List.of(1, 2), List.of()),
                Arrays.asList((Object) null), null, List.of(), List.of(List.of(3)));
        add(fields, columns, "wide_u64_big", DataType.UINT64, BigInteger.ONE, null, BigInteger.TWO.pow(64)
                .subtract(BigInteger.ONE), BigInteger.ZERO, BigInteger.TEN);
        return new Batch(new Schema(fields), columns);
    }

    private static Map<String, Object> map(Object a, Object b) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", a);
        values.put("b", b);
        return values;
    }

    private static void add(List<Field> fields, List<Vector> columns, String name, DataType type, Object... values) {
        fields.add(Field.of(name, type));
        columns.add(Vectors.fromObjects(type, Arrays.asList(values)));
    }

    /** Same schema and, row by row, equal values ({@code getObject}; floats by bits, byte arrays by content). */
    public static void assertSameRows(List<Batch> actual, Batch expected) {
        Batch merged = Vectors.concatBatches(expected.schema(), actual.isEmpty() ? List.of(Batch.empty(
                expected.schema())) : actual.stream().map(b -> b.withSchema(expected.schema())).toList());
        assertThat(actual.isEmpty() ? expected.schema() : actual.getFirst().schema()).isEqualTo(expected.schema());
        assertThat(merged.rowCount()).isEqualTo(expected.rowCount());
        for (int c = 0; c < expected.columnCount(); c++) {
            for (int r = 0; r < expected.rowCount(); r++) {
                Object want = expected.column(c).getObject(r);
                Object got = merged.column(c).getObject(r);
                String context = expected.schema().field(c).name() + " row " + r;
                if (want instanceof byte[] bytes) {
                    assertThat((byte[]) got).as(context).isEqualTo(bytes);
                } else if (want instanceof Double d) {
                    assertThat(Double.doubleToLongBits((Double) got)).as(context + " " + got + " vs " + d)
                            .isEqualTo(Double.doubleToLongBits(d));
                } else if (want instanceof Float f) {
                    assertThat(Float.floatToIntBits((Float) got)).as(context + " " + got + " vs " + f)
                            .isEqualTo(Float.floatToIntBits(f));
                } else if (want instanceof ZonedDateTime zoned) {
                    assertThat(((ZonedDateTime) got).toInstant()).as(context).isEqualTo(zoned.toInstant());
                } else {
                    assertThat(got).as(context).isEqualTo(want);
                }
            }
        }
    }
}
