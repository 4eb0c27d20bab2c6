package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.vector.Bitmap;
import dev.floe.core.vector.BooleanVector;
import dev.floe.core.vector.BytesVector;
import dev.floe.core.vector.DoubleVector;
import dev.floe.core.vector.Int128Vector;
import dev.floe.core.vector.IntVector;
import dev.floe.core.vector.LongVector;
import dev.floe.core.vector.NullVector;
import dev.floe.core.vector.Vector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * Builds one typed column from a block of parsed records: one loop per type over the block's rows, parsing
 * each field straight from the read buffer. A field that does not parse as the column's type is an error
 * naming the file, line, column, value and type.
 */
final class CsvColumnBuilder {
    private final CsvRecordSource source;
    private final List<byte[]> nullValues;
    private final boolean lossyUtf8;
    private final CsvNumbers numbers = new CsvNumbers();
    private final CsvTemporal temporal = new CsvTemporal();

    CsvColumnBuilder(CsvRecordSource source, List<byte[]> nullValues, boolean lossyUtf8) {
        this.source = source;
        this.nullValues = nullValues;
        this.lossyUtf8 = lossyUtf8;
    }

    Vector build(int column, String name, DataType type) {
        CsvRecordParser parser = source.parser();
        int rows = parser.rows;
        int columns = parser.columns;
        byte[] buffer = source.buffer();
        int[] starts = parser.starts;
        int[] ends = parser.ends;
        byte[] flags = parser.flags;
        long[] validity = null;
        for (int r = 0; r < rows; r++) {
            int index = r * columns + column;
            if (CsvFields.isNull(buffer, starts[index], ends[index], flags[index], nullValues)) {
                if (validity == null) {
                    validity = Bitmap.allSet(rows);
                }
                Bitmap.clear(validity, r);
            }
        }
        return switch (type) {
            case DataType.StringType t -> validUtf8(strings(type, column, rows, validity), name);
            case DataType.BinaryType t -> strings(type, column, rows, validity);
            case DataType.NullType t -> new NullVector(rows);
            case DataType.BooleanType t -> {
                boolean[] values = new boolean[rows];
                for (int r = 0; r < rows; r++) {
                    if (validity == null || Bitmap.get(validity, r)) {
                        int index = r * columns + column;
                        values[r] = numbers.parseBoolean(buffer, starts[index], ends[index]);
                        if (numbers.failed) {
                            throw badValue(r, index, name, type);
                        }
                    }
                }
                yield new BooleanVector(values, validity, rows);
            }
            case DataType.Int8Type t -> ints(type, column, name, rows, validity, -128, 127);
            case DataType.Int16Type t -> ints(type, column, name, rows, validity, -32768, 32767);
            case DataType.Int32Type t -> ints(type, column, name, rows, validity, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case DataType.UInt8Type t -> ints(type, column, name, rows, validity, 0, 255);
            case DataType.UInt16Type t -> ints(type, column, name, rows, validity, 0, 65535);
            case DataType.Int64Type t -> longs(type, column, name, rows, validity, Long.MIN_VALUE, Long.MAX_VALUE);
            case DataType.UInt32Type t -> longs(type, column, name, rows, validity, 0, 4294967295L);
            case DataType.DurationType t -> longs(type, column, name, rows, validity, Long.MIN_VALUE, Long.MAX_VALUE);
            case DataType.UInt64Type t -> {
                long[] values = new long[rows];
                for (int r = 0; r < rows; r++) {
                    if (validity == null || Bitmap.get(validity, r)) {
                        int index = r * columns + column;
                        values[r] = numbers.parseUnsignedLong(buffer, starts[index], ends[index]);
                        if (numbers.failed) {
                            throw badValue(r, index, name, type);
                        }
                    }
                }
                yield new LongVector(type, values, validity, rows);
            }
            case DataType.Float32Type t -> {
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    if (validity == null || Bitmap.get(validity, r)) {
                        int index = r * columns + column;
                        values[r] = numbers.parseFloat(buffer, starts[index], ends[index]);
                        if (numbers.failed) {
                            throw badValue(r, index, name, type);
                        }
                    }
                }
                yield new DoubleVector(type, values, validity, rows);
            }
            case DataType.Float64Type t -> {
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    if (validity == null || Bitmap.get(validity, r)) {
                        int index = r * columns + column;
                        values[r] = numbers.parseDouble(buffer, starts[index], ends[index]);
                        if (numbers.failed) {
                            throw badValue(r, index, name, type);
                        }
                    }
                }
                yield new DoubleVector(type, values, validity, rows);
            }
            case DataType.DateType t -> {
                int[] values = new int[rows];
                for (int r = 0; r < rows; r++) {
                    if (validity == null || Bitmap.get(validity, r)) {
                        int index = r * columns + column;
                        values[r] = temporal.parseDate(buffer, starts[index], ends[index]);
                        if (temporal.failed) {
                            throw badValue(r, index, name, type);
                        }
                    }
                }
                yield new IntVector(type, values, validity, rows);
            }
            case DataType.TimeType t -> {
                long[] values = new long[rows];
                for (int r = 0; r < rows; r++) {
                    if (validity == null || Bitmap.get(validity, r)) {
                        int index = r * columns + column;
                        values[r] = temporal.parseTime(buffer, starts[index], ends[index]);
                        if (temporal.failed) {
                            throw badValue(r, index, name, type);
                        }
                    }
                }
                yield new LongVector(type, values, validity, rows);
            }
            case DataType.DatetimeType datetime -> {
                ZoneId zone = datetime.timeZone() == null ? null : zone(datetime.timeZone());
                long[] values = new long[rows];
                for (int r = 0; r < rows; r++) {
                    if (validity == null || Bitmap.get(validity, r)) {
                        int index = r * columns + column;
                        values[r] = temporal.parseDatetime(buffer, starts[index], ends[index], datetime.unit(), zone);
                        if (temporal.failed) {
                            throw badValue(r, index, name, type);
                        }
                    }
                }
                yield new LongVector(type, values, validity, rows);
            }
            case DataType.DecimalType decimal -> decimals(decimal, column, name, rows, validity);
            case DataType.ListType t -> throw nested(name, type);
            case DataType.StructType t -> throw nested(name, type);
        };
    }

    private BytesVector strings(DataType type, int column, int rows, long[] validity) {
        CsvRecordParser parser = source.parser();
        int columns = parser.columns;
        byte[] buffer = source.buffer();
        long total = 0;
        for (int r = 0; r < rows; r++) {
            int index = r * columns + column;
            total += parser.ends[index] - parser.starts[index];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw FloeException.internal("a CSV block of more than 2 GB of text in one column");
        }
        byte[] data = new byte[(int) total];
        int[] offsets = new int[rows + 1];
        int position = 0;
        byte quote = parser.quote();
        for (int r = 0; r < rows; r++) {
            int index = r * columns + column;
            if (validity == null || Bitmap.get(validity, r)) {
                int start = parser.starts[index];
                int size = parser.ends[index] - start;
                if ((parser.flags[index] & CsvRecordParser.ESCAPED) == 0) {
                    System.arraycopy(buffer, start, data, position, size);
                    position += size;
                } else {
                    position += CsvFields.unescape(buffer, start, parser.ends[index], data, position, quote);
                }
            }
            offsets[r + 1] = position;
        }
        return new BytesVector(type, offsets, data, validity, rows);
    }

    /** The text column if it is valid UTF-8; otherwise an error, or with utf8-lossy the text with U+FFFD. */
    private BytesVector validUtf8(BytesVector text, String name) {
        int invalid = Utf8.firstInvalid(text.data(), 0, text.offsets()[text.length()]);
        if (invalid < 0) {
            return text;
        }
        int rows = text.length();
        if (!lossyUtf8) {
            int row = 0;
            while (text.offsets()[row + 1] <= invalid) {
                row++;
            }
            CsvRecordParser parser = source.parser();
            throw new FloeException(ErrorCode.CORRUPT_FILE, "invalid UTF-8 in " + source.path() + " at line "
                    + source.absoluteLine(parser.lines[row]) + ", column '" + name
                    + "'; read the file with encoding utf8-lossy to replace bad bytes with U+FFFD, or read the "
                    + "column as Binary");
        }
        dev.floe.core.vector.BytesVectorBuilder builder = new dev.floe.core.vector.BytesVectorBuilder(
                DataType.STRING, rows);
        for (int r = 0; r < rows; r++) {
            if (text.isNull(r)) {
                builder.appendNull();
            } else {
                builder.append(new String(text.data(), text.start(r), text.byteLength(r), StandardCharsets.UTF_8));
            }
        }
        return builder.build();
    }

    private Vector ints(DataType type, int column, String name, int rows, long[] validity, long min, long max) {
        CsvRecordParser parser = source.parser();
        int columns = parser.columns;
        byte[] buffer = source.buffer();
        int[] values = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (validity == null || Bitmap.get(validity, r)) {
                int index = r * columns + column;
                long value = numbers.parseLong(buffer, parser.starts[index], parser.ends[index]);
                if (numbers.failed || value < min || value > max) {
                    throw badValue(r, index, name, type);
                }
                values[r] = (int) value;
            }
        }
        return new IntVector(type, values, validity, rows);
    }

    private Vector longs(DataType type, int column, String name, int rows, long[] validity, long min, long max) {
        CsvRecordParser parser = source.parser();
        int columns = parser.columns;
        byte[] buffer = source.buffer();
        long[] values = new long[rows];
        for (int r = 0; r < rows; r++) {
            if (validity == null || Bitmap.get(validity, r)) {
                int index = r * columns + column;
                long value = numbers.parseLong(buffer, parser.starts[index], parser.ends[index]);
                if (numbers.failed || value < min || value > max) {
                    throw badValue(r, index, name, type);
                }
                values[r] = value;
            }
        }
        return new LongVector(type, values, validity, rows);
    }

    private Vector decimals(DataType.DecimalType type, int column, String name, int rows, long[] validity) {
        CsvRecordParser parser = source.parser();
        int columns = parser.columns;
        byte[] buffer = source.buffer();
        boolean wide = Int128Vector.accepts(type);
        long[] low = new long[rows];
        long[] high = wide ? new long[rows] : null;
        BigInteger limit = BigInteger.TEN.pow(type.precision());
        long bound = pow10(type.precision());
        for (int r = 0; r < rows; r++) {
            if (validity == null || Bitmap.get(validity, r)) {
                int index = r * columns + column;
                long fast = numbers.parseDecimal(buffer, parser.starts[index], parser.ends[index], type.scale());
                if (!numbers.failed && Math.abs(fast) < bound) {
                    low[r] = fast;
                    if (wide) {
                        high[r] = fast >> 63;
                    }
                    continue;
                }
                String text = new String(buffer, parser.starts[index], parser.ends[index] - parser.starts[index],
                        StandardCharsets.ISO_8859_1);
                BigInteger unscaled;
                try {
                    unscaled = new BigDecimal(text).setScale(type.scale(), java.math.RoundingMode.HALF_EVEN)
                            .unscaledValue();
                } catch (NumberFormatException e) {
                    throw badValue(r, index, name, type);
                }
                if (unscaled.abs().compareTo(limit) >= 0) {
                    throw badValue(r, index, name, type);
                }
                low[r] = unscaled.longValue();
                if (wide) {
                    high[r] = unscaled.shiftRight(64).longValue();
                }
            }
        }
        return wide ? new Int128Vector(type, high, low, validity, rows) : new LongVector(type, low, validity, rows);
    }

    /** 10^digits, saturated at Long.MAX_VALUE (every 18-digit value is below it). */
    private static long pow10(int digits) {
        long value = 1;
        for (int i = 0; i < Math.min(digits, 18); i++) {
            value *= 10;
        }
        return digits > 18 ? Long.MAX_VALUE : value;
    }

    private static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (java.time.DateTimeException e) {
            throw FloeException.invalidArgument("unknown time zone '" + name + "' in a CSV column type");
        }
    }

    private FloeException badValue(int row, int index, String name, DataType type) {
        CsvRecordParser parser = source.parser();
        String value = new String(CsvFields.copy(source.buffer(), parser.starts[index], parser.ends[index],
                parser.flags[index], parser.quote()), StandardCharsets.UTF_8);
        if (value.length() > 100) {
            value = value.substring(0, 100) + "...";
        }
        return new FloeException(ErrorCode.SCHEMA_MISMATCH, "cannot read the value '" + value + "' as " + type
                + " in " + source.path() + " at line " + source.absoluteLine(parser.lines[row]) + ", column '"
                + name + "'; give the column another type with schema_overrides (for example " + name
                + ":String) or add the text to null_values");
    }

    private static FloeException nested(String name, DataType type) {
        return FloeException.invalidArgument("CSV column '" + name + "' cannot have the nested type " + type
                + "; CSV holds only scalar values");
    }
}
