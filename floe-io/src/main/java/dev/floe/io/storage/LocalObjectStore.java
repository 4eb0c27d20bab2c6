package dev.floe.io.storage;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The local file system as an {@link ObjectStore}. */
public final class LocalObjectStore implements ObjectStore {
    public static final LocalObjectStore INSTANCE = new LocalObjectStore();

    private LocalObjectStore() {
    }

    @Override
    public InputFile open(String location) {
        return new LocalInputFile(Path.of(location));
    }

    @Override
    public List<StoredObject> list(String prefix) {
        Path root = Path.of(prefix);
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .map(path -> new StoredObject(path.toString(), size(path)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot list " + prefix + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String location) {
        return Files.isRegularFile(Path.of(location));
    }

    @Override
    public OutputStream create(String location) {
        Path path = Path.of(location);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            return Files.newOutputStream(path);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot create " + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteAll(String prefix) {
        Path root = Path.of(prefix);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot delete " + prefix + ": " + e.getMessage(), e);
        }
    }
}
