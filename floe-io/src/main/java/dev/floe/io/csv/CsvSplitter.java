package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.storage.LocalCopies;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a large CSV file into byte ranges that start exactly at record starts. One pass over the file tracks
 * quote parity (a doubled quote flips it twice, so RFC 4180 escaping keeps it right), eight bytes at a time,
 * and a range may start only after a line break outside quotes. A file whose quotes do not balance is not
 * split. Without a quote character no pass is needed: a range starts after the first line break past its
 * target offset.
 */
final class CsvSplitter {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final int CHUNK = 1 << 20;

    private CsvSplitter() {
    }

    /** Start offsets of the ranges, the first being 0; one range when the file should not be split. */
    static List<Long> splitPoints(String path, long size, long targetBytes, int quote) {
        List<Long> points = new ArrayList<>();
        points.add(0L);
        if (size <= targetBytes) {
            return points;
        }
        try (FileChannel channel = FileChannel.open(LocalCopies.localPath(path), StandardOpenOption.READ)) {
            return quote == CsvOptions.NO_QUOTE ? withoutQuotes(channel, size, targetBytes, points)
                    : withQuotes(channel, size, targetBytes, (byte) quote, points);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<Long> withoutQuotes(FileChannel channel, long size, long targetBytes, List<Long> points)
            throws IOException {
        byte[] chunk = new byte[1 << 16];
        long target = targetBytes;
        while (target < size) {
            int read = channel.read(ByteBuffer.wrap(chunk), target - 1);
            int newline = -1;
            for (int i = 0; i < Math.max(read, 0); i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            if (newline < 0) {
                target += chunk.length;
                continue;
            }
            long start = target + newline;
            if (start >= size) {
                break;
            }
            points.add(start);
            target = start + targetBytes;
        }
        return points;
    }

    private static List<Long> withQuotes(FileChannel channel, long size, long targetBytes, byte quote,
            List<Long> points) throws IOException {
        byte[] chunk = new byte[CHUNK];
        long quotePattern = (quote & 0xFFL) * 0x0101010101010101L;
        boolean inQuotes = false;
        long next = targetBytes;
        long offset = 0;
        while (offset < size) {
            int read = readFully(channel, chunk, offset);
            if (read <= 0) {
                break;
            }
            int i = 0;
            while (i < read) {
                if (offset + i + 1 < next) {
                    int stop = (int) Math.min(read, next - 1 - offset);
                    for (; i + 8 <= stop; i += 8) {
                        long word = (long) LONGS.get(chunk, i);
                        inQuotes ^= (Long.bitCount(matches(word, quotePattern)) & 1) == 1;
                    }
                    for (; i < stop; i++) {
                        inQuotes ^= chunk[i] == quote;
                    }
                    continue;
                }
                byte b = chunk[i];
                if (b == quote) {
                    inQuotes = !inQuotes;
                } else if (b == '\n' && !inQuotes && offset + i + 1 < size) {
                    points.add(offset + i + 1);
                    next = offset + i + 1 + targetBytes;
                }
                i++;
            }
            offset += read;
        }
        return inQuotes ? List.of(0L) : points;
    }

    /** A word with bit 7 set in exactly the bytes of {@code word} equal to the pattern's byte. */
    private static long matches(long word, long pattern) {
        long x = word ^ pattern;
        return ~(((x & LOW_BITS) + LOW_BITS) | x | LOW_BITS);
    }

    private static int readFully(FileChannel channel, byte[] chunk, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                break;
            }
        }
        return buffer.position();
    }
}
