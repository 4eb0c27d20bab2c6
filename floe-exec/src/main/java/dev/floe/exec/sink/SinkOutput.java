package dev.floe.exec.sink;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.core.vector.Batch;
import dev.floe.io.storage.LocalCopies;
import dev.floe.io.storage.ObjectStores;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Streams batches into one file of a format's writer, local or in an object store, and leaves nothing behind
 * when the query fails mid-way: a local file is deleted; an object store upload is never completed.
 */
final class SinkOutput {
    private SinkOutput() {
    }

    /**
     * Opens the format's writer on {@code path} (a local file with {@code openFile}, an object store stream with
     * {@code openStream}), appends every batch, and closes it.
     */
    static <W extends AutoCloseable> void write(Iterator<Batch> batches, String path, Map<String, String> options,
            Function<Path, W> openFile, Function<OutputStream, W> openStream, BiConsumer<W, Batch> append) {
        boolean remote = ObjectStores.isRemote(path);
        Discardable upload = remote ? new Discardable(create(path, options)) : null;
        W writer = remote ? openStream.apply(upload) : openFile.apply(Path.of(path));
        try {
            while (batches.hasNext()) {
                append.accept(writer, batches.next());
            }
        } catch (RuntimeException | Error failure) {
            abandon(writer, upload, path, failure);
            throw failure;
        }
        close(writer, path);
    }

    private static void abandon(AutoCloseable writer, Discardable upload, String path, Throwable failure) {
        if (upload != null) {
            upload.discard();
        }
        try {
            writer.close();
        } catch (Exception closing) {
            failure.addSuppressed(closing);
        }
        if (upload == null) {
            try {
                Files.deleteIfExists(Path.of(path));
            } catch (IOException deleting) {
                failure.addSuppressed(deleting);
            }
        }
    }

    private static void close(AutoCloseable writer, String path) {
        try {
            writer.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot close " + path + ": " + e.getMessage(), e);
        }
    }

    private static OutputStream create(String location, Map<String, String> options) {
        LocalCopies.forget(location);
        return ObjectStores.forLocation(location, options).create(location);
    }

    /** An upload stream that, once discarded, drops what is written and is never closed (never completed). */
    private static final class Discardable extends FilterOutputStream {
        private boolean discarded;

        Discardable(OutputStream upload) {
            super(upload);
        }

        void discard() {
            discarded = true;
        }

        @Override
        public void write(int value) throws IOException {
            if (!discarded) {
                out.write(value);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (!discarded) {
                out.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!discarded) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!discarded) {
                out.close();
            }
        }
    }
}
