package dev.floe.io.storage;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.dataset.DataFile;
import dev.floe.io.dataset.ResolvedDataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whole-object copies of remote files in local temporary files, for readers that stream a file from start to
 * end (CSV, Arrow IPC): an object is fetched once per (location, version: length and ETag) in parallel ranged GETs, and readers
 * then use positioned reads on the copy while naming the remote location in their messages. Copies are
 * deleted when the JVM exits.
 */
public final class LocalCopies {
    static final int PART_BYTES = 8 << 20;
    private static final int PARTS_IN_FLIGHT = 8;
    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();
    private static final Map<String, Path> LATEST = new ConcurrentHashMap<>();

    private LocalCopies() {
    }

    /**
     * The dataset with every remote file copied locally and its size known; local datasets are returned as
     * they are. Paths stay the remote locations: {@link #localPath} maps them to the copies.
     */
    public static ResolvedDataset copyRemote(ResolvedDataset dataset, Map<String, String> options) {
        List<DataFile> files = new ArrayList<>(dataset.files().size());
        boolean changed = false;
        for (DataFile file : dataset.files()) {
            if (!ObjectStores.isRemote(file.path())) {
                files.add(file);
                continue;
            }
            Path copy = copy(file.path(), options);
            files.add(new DataFile(file.path(), size(copy, file.path()), file.partitionValues()));
            changed = true;
        }
        return changed ? new ResolvedDataset(files, dataset.partitionFields()) : dataset;
    }

    /** The local file to read {@code location} from: its latest copy for a remote location, else itself. */
    public static Path localPath(String location) {
        if (!ObjectStores.isRemote(location)) {
            return Path.of(location);
        }
        Path copy = LATEST.get(location);
        if (copy == null) {
            throw FloeException.internal("no local copy of " + location + " was made before reading it");
        }
        return copy;
    }

    /** Drops the copies of {@code location} (called after writing it, so the next scan fetches it again). */
    public static void forget(String location) {
        LATEST.remove(location);
        COPIES.keySet().removeIf(key -> key.startsWith(location + "#"));
    }

    /** Copies one object (again only when its version, its length and ETag, changed since the last copy). */
    public static Path copy(String location, Map<String, String> options) {
        try (InputFile input = ObjectStores.forLocation(location, options).open(location)) {
            long length = input.length();
            String version = input.version();
            String key = location + "#" + (version != null ? version : length) + "#"
                    + StorageOptions.from(options).hashCode();
            Path copy = COPIES.computeIfAbsent(key, k -> download(input, length));
            LATEST.put(location, copy);
            return copy;
        }
    }

    private static Path download(InputFile input, long length) {
        Path copy;
        try {
            copy = Files.createTempFile("floe-remote-", ".copy");
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot create a temporary copy of " + input.location()
                    + ": " + e.getMessage(), e);
        }
        copy.toFile().deleteOnExit();
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE);
                ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long batch = 0; batch < length; batch += (long) PART_BYTES * PARTS_IN_FLIGHT) {
                List<Future<byte[]>> parts = new ArrayList<>();
                List<Long> offsets = new ArrayList<>();
                for (int p = 0; p < PARTS_IN_FLIGHT; p++) {
                    long offset = batch + (long) p * PART_BYTES;
                    if (offset >= length) {
                        break;
                    }
                    ByteRange range = new ByteRange(offset, (int) Math.min(PART_BYTES, length - offset));
                    offsets.add(offset);
                    parts.add(executor.submit(() -> input.read(range)));
                }
                for (int p = 0; p < parts.size(); p++) {
                    ByteBuffer bytes = ByteBuffer.wrap(await(parts.get(p), input.location(), parts));
                    long position = offsets.get(p);
                    while (bytes.hasRemaining()) {
                        position += out.write(bytes, position);
                    }
                }
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot write the temporary copy of " + input.location()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(copy);
            throw e;
        }
        return copy;
    }

    private static byte[] await(Future<byte[]> part, String location, List<Future<byte[]>> all) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            all.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new FloeException(ErrorCode.CANCELED, "interrupted while copying " + location, e);
        } catch (ExecutionException e) {
            all.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof FloeException floe) {
                throw floe;
            }
            throw new FloeException(ErrorCode.STORAGE_ERROR, "cannot read " + location + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static long size(Path copy, String location) {
        try {
            return Files.size(copy);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read the copy of " + location + ": "
                    + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover temporary file is deleted on exit anyway
        }
    }
}
