package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Byte-level helpers for parsed fields: unescaping doubled quotes, null detection, line counting for errors. */
final class CsvFields {
    private CsvFields() {
    }

    /** The field's bytes with doubled quotes collapsed (a quoted field's content is already without its quotes). */
    static byte[] copy(byte[] buffer, int start, int end, byte flag, byte quote) {
        if ((flag & CsvRecordParser.ESCAPED) == 0) {
            return Arrays.copyOfRange(buffer, start, end);
        }
        byte[] out = new byte[end - start];
        int size = unescape(buffer, start, end, out, 0, quote);
        return Arrays.copyOf(out, size);
    }

    /** Copies {@code buffer[start, end)} to {@code out} collapsing each doubled quote; returns the bytes written. */
    static int unescape(byte[] buffer, int start, int end, byte[] out, int at, byte quote) {
        int o = at;
        for (int i = start; i < end; i++) {
            byte b = buffer[i];
            out[o++] = b;
            if (b == quote && i + 1 < end && buffer[i + 1] == quote) {
                i++;
            }
        }
        return o - at;
    }

    /** Whether the field is null: an empty unquoted field, or equal to one of the null values. */
    static boolean isNull(byte[] buffer, int start, int end, byte flag, List<byte[]> nullValues) {
        if (start == end && flag == 0) {
            return true;
        }
        for (int i = 0; i < nullValues.size(); i++) {
            byte[] value = nullValues.get(i);
            if (Arrays.equals(buffer, start, end, value, 0, value.length)) {
                return true;
            }
        }
        return false;
    }

    /** The line number (1-based) of the byte at {@code offset}, counted on the error path only. */
    static long countLines(String path, long offset) {
        long lines = 0;
        byte[] chunk = new byte[1 << 16];
        long remaining = offset;
        try (InputStream input = Files.newInputStream(Path.of(path))) {
            while (remaining > 0) {
                int read = input.read(chunk, 0, (int) Math.min(chunk.length, remaining));
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        lines++;
                    }
                }
                remaining -= read;
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read " + path + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
