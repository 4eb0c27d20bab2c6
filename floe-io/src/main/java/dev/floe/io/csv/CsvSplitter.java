package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a large CSV file into byte ranges that start exactly at record starts. One pass over the file tracks
 * quote parity (a doubled quote flips it twice, so RFC 4180 escaping keeps it right), and a range may start
 * only after a line break outside quotes. A file whose quotes do not balance is not split.
 */
final class CsvSplitter {
    private CsvSplitter() {
    }

    /** Start offsets of the ranges, the first being 0; one range when the file should not be split. */
    static List<Long> splitPoints(String path, long size, long targetBytes, int quote) {
        List<Long> points = new ArrayList<>();
        points.add(0L);
        if (size <= targetBytes) {
            return points;
        }
        byte[] chunk = new byte[1 << 20];
        boolean inQuotes = false;
        long next = targetBytes;
        long offset = 0;
        try (InputStream input = Files.newInputStream(Path.of(path))) {
            int read;
            while ((read = input.read(chunk)) > 0) {
                for (int i = 0; i < read; i++) {
                    byte b = chunk[i];
                    if (b == quote) {
                        inQuotes = !inQuotes;
                    } else if (b == '\n' && !inQuotes && offset + i + 1 >= next && offset + i + 1 < size) {
                        points.add(offset + i + 1);
                        next = offset + i + 1 + targetBytes;
                    }
                }
                offset += read;
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read " + path + ": " + e.getMessage(), e);
        }
        if (inQuotes) {
            return List.of(0L);
        }
        return points;
    }
}
