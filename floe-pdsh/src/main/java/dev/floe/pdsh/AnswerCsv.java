package dev.floe.pdsh;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of PDS-H answers: a header, {@code ,} separated, RFC 4180 quoting, dates YYYY-MM-DD, null as an
 * empty field. Reading yields every field as a String (null for empty); writing accepts Java values.
 */
public final class AnswerCsv {
    private AnswerCsv() {
    }

    /** Parses CSV text into a header and rows of strings; {@code source} names the input in errors. */
    public static ResultTable read(Reader reader, String source) throws IOException {
        List<List<String>> records = parse(reader.markSupported() ? reader : new BufferedReader(reader), source);
        if (records.isEmpty()) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, source + " is empty; an answer CSV starts with a header");
        }
        List<String> header = records.getFirst();
        List<List<Object>> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() != header.size()) {
                throw new FloeException(ErrorCode.CORRUPT_FILE, source + " line " + (i + 1) + " has " + record.size()
                        + " fields where the header has " + header.size());
            }
            List<Object> row = new ArrayList<>(record.size());
            for (String field : record) {
                row.add(field.isEmpty() ? null : field);
            }
            rows.add(row);
        }
        return new ResultTable(header, rows);
    }

    private static List<List<String>> parse(Reader reader, String source) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int c;
        while ((c = reader.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    reader.mark(1);
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        reader.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                fieldStarted = false;
            } else if (c != '\r') {
                field.append((char) c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, source + " ends inside a quoted field");
        }
        if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** Writes {@code table} in the answer format. */
    public static void write(Writer out, ResultTable table) throws IOException {
        writeRecord(out, new ArrayList<>(table.columns()));
        for (List<Object> row : table.rows()) {
            writeRecord(out, row);
        }
    }

    private static void writeRecord(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(out, format(values.get(i)));
        }
        out.write('\n');
    }

    /** The answer-format text of a value: dates YYYY-MM-DD, null empty, numbers in Java's shortest form. */
    public static String format(Object value) {
        return switch (value) {
            case null -> "";
            case LocalDate date -> date.toString();
            case Double number when number == Math.rint(number) && Math.abs(number) < 1e15 ->
                    Long.toString(number.longValue());
            default -> value.toString();
        };
    }

    /** Writes one field, quoted when it holds a comma, a quote or a line break. */
    static void writeField(Writer out, String text) throws IOException {
        boolean needsQuotes = false;
        for (int i = 0; i < text.length() && !needsQuotes; i++) {
            char c = text.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!needsQuotes) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }
}
