package dev.floe.io.storage;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file read with positioned reads on one shared channel (safe for concurrent readers). */
final class LocalInputFile implements InputFile {
    private final Path path;
    private final FileChannel channel;
    private final long length;

    LocalInputFile(Path path) {
        this.path = path;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.length = channel.size();
        } catch (NoSuchFileException e) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "file not found: " + path, e);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public String version() {
        try {
            var attributes = java.nio.file.Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
            return length + ":" + attributes.lastModifiedTime().toInstant() + ":" + attributes.fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public byte[] read(ByteRange range) {
        if (range.end() > length) {
            throw new FloeException(ErrorCode.CORRUPT_FILE, path + ": asked for bytes [" + range.offset() + ", "
                    + range.end() + ") but the file has " + length + " bytes");
        }
        byte[] bytes = new byte[range.length()];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = range.offset();
        try {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new FloeException(ErrorCode.CORRUPT_FILE, path + " ended early at byte " + position);
                }
                position += read;
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read " + path + ": " + e.getMessage(), e);
        }
        return bytes;
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
