package dev.floe.io.csv;

import java.util.Arrays;

/**
 * Splits CSV bytes into records and fields (RFC 4180: quoted fields may hold separators, doubled quotes and
 * line breaks; records end with LF, CRLF or CR, the last one maybe with none). Fields are not copied: a block
 * of records is described by start/end offsets into the caller's buffer plus flags (quoted, holds doubled
 * quotes), and by the line number each record starts on.
 */
final class CsvRecordParser {
    static final byte QUOTED = 1;
    static final byte ESCAPED = 2;
    /** {@link #parse} result when a record is malformed; {@link #error} says why. */
    static final int MALFORMED = -1;

    private final byte separator;
    private final int quote;
    int columns;
    int rows;
    int[] starts = new int[64];
    int[] ends = new int[64];
    byte[] flags = new byte[64];
    long[] lines = new long[16];
    /** Line number (1-based, relative to where parsing began) of the next record. */
    long line = 1;
    /** Set with {@link #MALFORMED}: what is wrong, and on which line. */
    String error;
    long errorLine;

    CsvRecordParser(byte separator, int quote, int columns) {
        this.separator = separator;
        this.quote = quote;
        this.columns = columns;
    }

    /**
     * Parses records from {@code buffer[position, limit)}: at most {@code maxRows}, none starting at or after
     * {@code startLimit}. A record cut by {@code limit} is left for the next call unless {@code endOfInput}.
     * Returns the position after the last complete record, or {@link #MALFORMED}.
     */
    int parse(byte[] buffer, int position, int limit, int startLimit, boolean endOfInput, int maxRows) {
        rows = 0;
        int p = position;
        while (rows < maxRows && p < limit && p < startLimit) {
            byte first = buffer[p];
            if ((first == '\n' || first == '\r') && columns != 1) {
                p = skipLineBreak(buffer, p, limit);
                line++;
                continue;
            }
            int end = parseRecord(buffer, p, limit, endOfInput);
            if (end == MALFORMED) {
                return MALFORMED;
            }
            if (end < 0) {
                break;
            }
            p = end;
        }
        return p;
    }

    private static int skipLineBreak(byte[] buffer, int p, int limit) {
        if (buffer[p] == '\r' && p + 1 < limit && buffer[p + 1] == '\n') {
            return p + 2;
        }
        return p + 1;
    }

    /** The end of the record starting at {@code p}; {@code -2} if it is cut by {@code limit}; {@link #MALFORMED}. */
    private int parseRecord(byte[] buffer, int p, int limit, boolean endOfInput) {
        long recordLine = line;
        int field = 0;
        int base = columns > 0 ? rows * columns : 0;
        ensureCapacity(base + Math.max(columns, 1) + 1, rows + 1);
        while (true) {
            int start;
            int end;
            byte flag;
            if (p < limit && buffer[p] == quote) {
                int q = p + 1;
                boolean escaped = false;
                while (true) {
                    if (q >= limit) {
                        if (endOfInput) {
                            return malformed(recordLine, "a quoted field opened on line " + (line > recordLine
                                    ? recordLine + " (still open on line " + line + ")" : String.valueOf(recordLine))
                                    + " is never closed (unclosed quote)");
                        }
                        line = recordLine;
                        return -2;
                    }
                    byte b = buffer[q];
                    if (b == quote) {
                        if (q + 1 < limit && buffer[q + 1] == quote) {
                            escaped = true;
                            q += 2;
                            continue;
                        }
                        if (q + 1 >= limit && !endOfInput) {
                            line = recordLine;
                            return -2;
                        }
                        break;
                    }
                    if (b == '\n') {
                        line++;
                    }
                    q++;
                }
                start = p + 1;
                end = q;
                flag = escaped ? (byte) (QUOTED | ESCAPED) : QUOTED;
                p = q + 1;
                if (p < limit) {
                    byte after = buffer[p];
                    if (after != separator && after != '\n' && after != '\r') {
                        return malformed(line, "unexpected character '" + (char) (after & 0xFF)
                                + "' after the closing quote of field " + (field + 1)
                                + " (a quote inside a quoted field must be doubled)");
                    }
                }
            } else {
                int q = p;
                while (q < limit) {
                    byte b = buffer[q];
                    if (b == separator || b == '\n' || b == '\r') {
                        break;
                    }
                    q++;
                }
                if (q >= limit && !endOfInput) {
                    line = recordLine;
                    return -2;
                }
                start = p;
                end = q;
                flag = 0;
                p = q;
            }
            if (columns > 0 && field >= columns) {
                return malformed(recordLine, "expected " + columns + " fields but found more (ragged row)");
            }
            int index = base + field;
            if (index >= starts.length) {
                ensureCapacity(index + 1, rows + 1);
            }
            starts[index] = start;
            ends[index] = end;
            flags[index] = flag;
            field++;
            if (p >= limit) {
                break;
            }
            byte b = buffer[p];
            if (b == separator) {
                p++;
                continue;
            }
            p = skipLineBreak(buffer, p, limit);
            line++;
            break;
        }
        if (columns <= 0) {
            columns = field;
        } else if (field != columns) {
            return malformed(recordLine, "expected " + columns + " fields but found " + field + " (ragged row)");
        }
        lines[rows] = recordLine;
        rows++;
        return p;
    }

    byte quote() {
        return (byte) quote;
    }

    private int malformed(long atLine, String message) {
        error = message;
        errorLine = atLine;
        return MALFORMED;
    }

    private void ensureCapacity(int fields, int records) {
        if (fields > starts.length) {
            int size = Math.max(fields, starts.length * 2);
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            flags = Arrays.copyOf(flags, size);
        }
        if (records > lines.length) {
            lines = Arrays.copyOf(lines, Math.max(records, lines.length * 2));
        }
    }
}
