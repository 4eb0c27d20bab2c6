package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
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
import dev.floe.core.vector.Vector;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Writes batches as CSV: a header row, RFC 4180 quoting (a field is quoted when it holds the separator, the
 * quote, CR or LF; an empty string is written {@code ""} so that it differs from null), null as
 * {@code null_value}, values in the forms of {@link CsvValueFormat}. Each batch is formatted column by
 * column, then laid out row by row. Binary, list and struct columns cannot be written as CSV.
 */
public final class CsvWriter implements AutoCloseable {
    private final Schema schema;
    private final CsvWriteOptions options;
    private final OutputStream output;
    private final String target;
    private final byte[] lineTerminator;
    private final byte[] nullValue;
    private boolean headerWritten;

    private CsvWriter(Schema schema, CsvWriteOptions options, OutputStream output, String target) {
        for (Field field : schema.fields()) {
            if (field.type() instanceof DataType.BinaryType || field.type().isNested()) {
                throw FloeException.invalidArgument("column '" + field.name() + "' of type " + field.type()
                        + " cannot be written as CSV; cast it to String or write Parquet or Arrow IPC");
            }
        }
        this.schema = schema;
        this.options = options;
        this.output = output;
        this.target = target;
        this.lineTerminator = options.lineTerminator().getBytes(StandardCharsets.UTF_8);
        this.nullValue = options.nullValue().getBytes(StandardCharsets.UTF_8);
    }

    /** A writer to a stream; closing the writer closes the stream. */
    public static CsvWriter open(OutputStream output, Schema schema, CsvWriteOptions options) {
        return new CsvWriter(schema, options, output, "an output stream");
    }

    /** A writer creating or replacing the file at {@code path}. */
    public static CsvWriter open(Path path, Schema schema, CsvWriteOptions options) {
        try {
            return new CsvWriter(schema, options, new java.io.BufferedOutputStream(Files.newOutputStream(path),
                    1 << 16), path.toString());
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    public static void write(List<Batch> batches, Schema schema, Path path, CsvWriteOptions options) {
        try (CsvWriter writer = open(path, schema, options)) {
            batches.forEach(writer::write);
        }
    }

    public static void write(List<Batch> batches, Schema schema, OutputStream output, CsvWriteOptions options) {
        try (CsvWriter writer = open(output, schema, options)) {
            batches.forEach(writer::write);
        }
    }

    /** Writes to a character stream (closed at the end), for callers that collect text. */
    public static void write(List<Batch> batches, Schema schema, Writer writer, CsvWriteOptions options) {
        OutputStream bridge = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writer.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }

            @Override
            public void close() throws IOException {
                writer.close();
            }
        };
        write(batches, schema, bridge, options);
    }

    /** The CSV text of batches, for tests and small results. */
    public static String toText(List<Batch> batches, Schema schema, CsvWriteOptions options) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        write(batches, schema, bytes, options);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public void write(Batch batch) {
        if (!batch.schema().equals(schema)) {
            throw new FloeException(ErrorCode.SCHEMA_MISMATCH, "batch schema " + batch.schema()
                    + " differs from the CSV writer's schema " + schema);
        }
        writeHeader();
        int rows = batch.rowCount();
        int columns = schema.size();
        BytesVector[] formatted = new BytesVector[columns];
        boolean[][] quoted = new boolean[columns][];
        for (int c = 0; c < columns; c++) {
            formatted[c] = format(batch.column(c));
            quoted[c] = needsQuotes(formatted[c], batch.column(c));
        }
        byte[] out = new byte[1 << 16];
        int position = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                BytesVector column = formatted[c];
                int start = column.offsets()[r];
                int size = column.offsets()[r + 1] - start;
                int needed = size * 2 + 3 + nullValue.length + lineTerminator.length;
                if (position + needed > out.length) {
                    flush(out, position);
                    position = 0;
                    if (needed > out.length) {
                        out = new byte[needed];
                    }
                }
                if (c > 0) {
                    out[position++] = options.separator();
                }
                if (column.isNull(r)) {
                    System.arraycopy(nullValue, 0, out, position, nullValue.length);
                    position += nullValue.length;
                } else if (quoted[c] != null && quoted[c][r]) {
                    position = quote(column.data(), start, size, out, position);
                } else {
                    System.arraycopy(column.data(), start, out, position, size);
                    position += size;
                }
            }
            if (position + lineTerminator.length > out.length) {
                flush(out, position);
                position = 0;
            }
            System.arraycopy(lineTerminator, 0, out, position, lineTerminator.length);
            position += lineTerminator.length;
        }
        flush(out, position);
    }

    private void writeHeader() {
        if (headerWritten) {
            return;
        }
        headerWritten = true;
        StringBuilder header = new StringBuilder();
        if (options.includeBom()) {
            header.append('\uFEFF');
        }
        if (options.includeHeader()) {
            for (int c = 0; c < schema.size(); c++) {
                if (c > 0) {
                    header.append((char) options.separator());
                }
                String name = schema.field(c).name();
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                if (name.isEmpty() || mustQuote(bytes, 0, bytes.length)) {
                    byte[] quotedName = new byte[bytes.length * 2 + 2];
                    int size = quote(bytes, 0, bytes.length, quotedName, 0);
                    header.append(new String(quotedName, 0, size, StandardCharsets.UTF_8));
                } else {
                    header.append(name);
                }
            }
            header.append(options.lineTerminator());
        }
        byte[] bytes = header.toString().getBytes(StandardCharsets.UTF_8);
        flush(bytes, bytes.length);
    }

    private int quote(byte[] data, int start, int size, byte[] out, int position) {
        byte quote = options.quote();
        out[position++] = quote;
        for (int i = start; i < start + size; i++) {
            byte b = data[i];
            out[position++] = b;
            if (b == quote) {
                out[position++] = quote;
            }
        }
        out[position++] = quote;
        return position;
    }

    private boolean mustQuote(byte[] data, int start, int end) {
        byte separator = options.separator();
        byte quote = options.quote();
        for (int i = start; i < end; i++) {
            byte b = data[i];
            if (b == separator || b == quote || b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    /** Which rows of a string column need quotes ({@code null} for other columns: their text never does). */
    private boolean[] needsQuotes(BytesVector formatted, Vector original) {
        if (!(original.type() instanceof DataType.StringType)) {
            return null;
        }
        int rows = formatted.length();
        boolean[] quotes = new boolean[rows];
        int[] offsets = formatted.offsets();
        for (int r = 0; r < rows; r++) {
            quotes[r] = offsets[r] == offsets[r + 1] || mustQuote(formatted.data(), offsets[r], offsets[r + 1]);
        }
        return quotes;
    }

    /** The column's values as text (strings as they are); nulls stay null. */
    private static BytesVector format(Vector vector) {
        if (vector instanceof BytesVector bytes) {
            return bytes;
        }
        int rows = vector.length();
        StringBuilder text = new StringBuilder(rows * 8);
        int[] charOffsets = new int[rows + 1];
        DataType type = vector.type();
        ZoneId zone = type instanceof DataType.DatetimeType datetime && datetime.timeZone() != null
                ? ZoneId.of(datetime.timeZone()) : null;
        for (int r = 0; r < rows; r++) {
            if (!vector.isNull(r)) {
                switch (vector) {
                    case BooleanVector booleans -> text.append(booleans.get(r));
                    case IntVector ints -> {
                        if (type instanceof DataType.DateType) {
                            CsvValueFormat.appendDate(text, ints.get(r));
                        } else {
                            text.append(ints.get(r));
                        }
                    }
                    case LongVector longs -> appendLong(text, type, longs.get(r), zone);
                    case DoubleVector doubles -> text.append(type instanceof DataType.Float32Type
                            ? CsvValueFormat.formatFloat((float) doubles.get(r))
                            : CsvValueFormat.formatDouble(doubles.get(r)));
                    case Int128Vector wide -> text.append(((BigDecimal) wide.getObject(r)).toPlainString());
                    case BytesVector bytes -> throw FloeException.internal("strings are written as they are");
                    case NullVector nulls -> throw FloeException.internal("a null vector has no values");
                    case ListVector list -> throw FloeException.internal("lists are rejected when the writer opens");
                    case StructVector struct -> throw FloeException.internal("structs are rejected when the writer opens");
                }
            }
            charOffsets[r + 1] = text.length();
        }
        byte[] data = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        return new BytesVector(DataType.STRING, charOffsets, data, vector.validity() == null ? null
                : java.util.Arrays.copyOf(vector.validity(), vector.validity().length), rows);
    }

    private static void appendLong(StringBuilder text, DataType type, long value, ZoneId zone) {
        switch (type) {
            case DataType.UInt64Type t -> text.append(Long.toUnsignedString(value));
            case DataType.DatetimeType datetime -> CsvValueFormat.appendDatetime(text, value, datetime.unit(), zone);
            case DataType.TimeType t -> CsvValueFormat.appendTime(text, value, 9);
            case DataType.DecimalType decimal -> CsvValueFormat.appendDecimal(text, value, decimal.scale());
            case DataType.BooleanType _, DataType.Int8Type _, DataType.Int16Type _, DataType.Int32Type _,
                    DataType.Int64Type _, DataType.UInt8Type _, DataType.UInt16Type _, DataType.UInt32Type _,
                    DataType.Float32Type _, DataType.Float64Type _, DataType.StringType _,
                    DataType.BinaryType _, DataType.DateType _, DataType.NullType _, DataType.DurationType _,
                    DataType.ListType _, DataType.StructType _ -> text.append(value);
        }
    }

    private void flush(byte[] bytes, int length) {
        try {
            output.write(bytes, 0, length);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write CSV to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            writeHeader();
            output.close();
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot close " + target + ": " + e.getMessage(), e);
        }
    }
}
