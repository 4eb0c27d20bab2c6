package dev.floe.io.parquet;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opening files and positioned reads with Floe errors. */
final class ParquetFiles {
    private ParquetFiles() {
    }

    static FileChannel open(String path) {
        try {
            return FileChannel.open(Path.of(path), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "Parquet file not found: " + path, e);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads exactly {@code length} bytes at {@code position} with one positioned read loop. */
    static byte[] read(FileChannel channel, String path, long position, int length) {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + buffer.position());
                if (read < 0) {
                    throw new FloeException(ErrorCode.CORRUPT_FILE, path + ": unexpected end of file at byte "
                            + (position + buffer.position()) + " (the file is truncated)");
                }
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read " + path + ": " + e.getMessage(), e);
        }
        return bytes;
    }

    static long size(FileChannel channel, String path) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a read-only channel has nothing to lose
        }
    }
}
