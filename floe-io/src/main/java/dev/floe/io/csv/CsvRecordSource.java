package dev.floe.io.csv;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.storage.LocalCopies;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one CSV file or byte range, block by block: reads the file in chunks into one byte buffer,
 * skips the BOM, {@code skip_rows} records and the header at the start of the file, and hands out blocks of
 * parsed records that stay valid until the next block is asked for.
 */
final class CsvRecordSource implements AutoCloseable {
    /** The longest record Floe accepts; longer ones are almost always an unclosed quote. */
    static final int MAX_RECORD_BYTES = 256 << 20;
    private static final int DEFAULT_BUFFER = 8 << 20;

    private final String path;
    private final long rangeStart;
    private final long rangeEnd;
    private final FileChannel channel;
    private final CsvRecordParser parser;
    private byte[] buffer;
    private int position;
    private int limit;
    /** File offset of {@code buffer[0]}. */
    private long bufferStart;
    private long readPosition;
    private boolean endOfInput;
    private List<byte[]> header;
    private long lineBase = -1;

    CsvRecordSource(String path, long start, long end, CsvOptions options, int columns) {
        this(path, start, end, options, columns, DEFAULT_BUFFER);
    }

    /** As above with the size of the first buffer (it grows for records longer than half of it). */
    CsvRecordSource(String path, long start, long end, CsvOptions options, int columns, int bufferBytes) {
        this.path = path;
        this.rangeStart = start;
        this.rangeEnd = end;
        try {
            this.channel = FileChannel.open(LocalCopies.localPath(path), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "CSV file not found: " + path, e);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot open the CSV file " + path + ": " + e.getMessage(), e);
        }
        this.parser = new CsvRecordParser(options.separator(), options.quote(), -1);
        long size = end - start;
        this.buffer = new byte[(int) Math.max(64, Math.min(bufferBytes, size + 1024))];
        this.bufferStart = start;
        this.readPosition = start;
        try {
            fill();
            if (start == 0) {
                if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                    position = 3;
                }
                for (long i = 0; i < options.skipRows(); i++) {
                    if (!nextBlock(1)) {
                        break;
                    }
                    parser.columns = -1;
                }
                if (options.hasHeader() && nextBlock(1)) {
                    header = new ArrayList<>(parser.columns);
                    for (int f = 0; f < parser.columns; f++) {
                        header.add(fieldBytes(f));
                    }
                }
            }
            parser.columns = columns;
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    String path() {
        return path;
    }

    /** The header's field texts ({@code null} when the file has no header or this range is not the start). */
    List<String> header() {
        if (header == null) {
            return null;
        }
        List<String> names = new ArrayList<>(header.size());
        for (byte[] name : header) {
            names.add(new String(name, StandardCharsets.UTF_8));
        }
        return names;
    }

    CsvRecordParser parser() {
        return parser;
    }

    byte[] buffer() {
        return buffer;
    }

    /** Parses up to {@code maxRows} records; {@code false} at the end of the range. */
    boolean nextBlock(int maxRows) {
        while (true) {
            if (!endOfInput && limit - position < buffer.length / 4) {
                compactAndFill();
            }
            long startLimit = rangeEnd - bufferStart;
            int end = parser.parse(buffer, position, limit, (int) Math.min(Integer.MAX_VALUE, startLimit),
                    endOfInput, maxRows);
            if (end == CsvRecordParser.MALFORMED) {
                throw malformed(parser.errorLine, parser.error);
            }
            boolean progressed = end > position;
            position = end;
            if (parser.rows > 0) {
                return true;
            }
            if (endOfInput || bufferStart + position >= rangeEnd) {
                return false;
            }
            if (!progressed) {
                if (limit - position >= MAX_RECORD_BYTES) {
                    throw malformed(parser.line, "a record is longer than " + (MAX_RECORD_BYTES >> 20)
                            + " MB; this is most likely an unclosed quote");
                }
                if (position == 0 && limit == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2,
                            Integer.MAX_VALUE - 16));
                }
                compactAndFill();
            }
        }
    }

    /** A field of the last block's first record, unquoted, as bytes. */
    private byte[] fieldBytes(int field) {
        return CsvFields.copy(buffer, parser.starts[field], parser.ends[field], parser.flags[field], parser.quote());
    }

    private void compactAndFill() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            bufferStart += position;
            limit -= position;
            position = 0;
        }
        fill();
    }

    private void fill() {
        try {
            while (limit < buffer.length && !endOfInput) {
                int read = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit), readPosition);
                if (read < 0) {
                    endOfInput = true;
                    break;
                }
                limit += read;
                readPosition += read;
                if (read == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read the CSV file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The absolute line number of a line counted from the start of this range. */
    long absoluteLine(long relativeLine) {
        if (rangeStart == 0) {
            return relativeLine;
        }
        if (lineBase < 0) {
            lineBase = CsvFields.countLines(path, rangeStart);
        }
        return lineBase + relativeLine;
    }

    FloeException malformed(long relativeLine, String problem) {
        return new FloeException(ErrorCode.CORRUPT_FILE, "malformed CSV in " + path + " at line "
                + absoluteLine(relativeLine) + ": " + problem);
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
