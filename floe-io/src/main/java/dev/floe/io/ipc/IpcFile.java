package dev.floe.io.ipc;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.storage.LocalCopies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/** Opens an Arrow IPC file of either layout (file format with its ARROW1 magic, or stream format) for reading. */
final class IpcFile {
    /** Parent of every reader's allocator; readers take a child and close it. */
    static final BufferAllocator ROOT = new RootAllocator();
    private static final byte[] MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};

    private IpcFile() {
    }

    /** A reader over the file; closing it closes the file and releases the allocator's memory. */
    static ArrowReader open(String path, BufferAllocator allocator) {
        Path file = LocalCopies.localPath(path);
        try {
            if (startsWithMagic(file)) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                return new ArrowFileReader(channel, allocator, IpcCodecs.INSTANCE);
            }
            InputStream input = Files.newInputStream(file);
            return new ArrowStreamReader(new java.io.BufferedInputStream(input, 1 << 16), allocator,
                    IpcCodecs.INSTANCE);
        } catch (NoSuchFileException e) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "Arrow IPC file not found: " + path, e);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot open the Arrow IPC file " + path + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether {@code path} is of the file format (starts with the ARROW1 magic) rather than the stream format. */
    static boolean isFileFormat(String path) {
        try {
            return startsWithMagic(LocalCopies.localPath(path));
        } catch (NoSuchFileException e) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "Arrow IPC file not found: " + path, e);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot open the Arrow IPC file " + path + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean startsWithMagic(Path file) throws IOException {
        try (InputStream input = Files.newInputStream(file)) {
            byte[] head = input.readNBytes(MAGIC.length);
            return java.util.Arrays.equals(head, MAGIC);
        }
    }

    /** A clean CORRUPT_FILE error for anything Arrow threw while decoding the file. */
    static FloeException corrupt(String path, Throwable cause) {
        if (cause instanceof FloeException floe) {
            return floe;
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new FloeException(ErrorCode.CORRUPT_FILE, "cannot read the Arrow IPC file " + path
                + ": it is damaged or not an Arrow IPC file (" + message + ")", cause);
    }
}
