package dev.floe.io.dataset;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.ScanSource;
import dev.floe.io.storage.ObjectStore;
import dev.floe.io.storage.ObjectStores;
import dev.floe.io.storage.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns a scan's paths into files: a file stands for itself, a directory for every file of the format below
 * it (hidden and {@code _}-prefixed names skipped), a glob ({@code *}, {@code **}, {@code ?}, {@code [..]})
 * for the files it matches. Hive partition values are parsed from the part of each path below the directory
 * or the glob's fixed prefix, when option {@code hive_partitioning} is on (the default for directories and
 * globs). {@code s3://} locations are resolved the same way over object listings (a size of -1 means unknown).
 */
public final class DatasetResolver {
    public static final String HIVE_PARTITIONING = "hive_partitioning";

    private DatasetResolver() {
    }

    public static ResolvedDataset resolve(ScanSource source) {
        List<DataFile> files = new ArrayList<>();
        String extension = "." + source.format().extension();
        for (String location : source.paths()) {
            resolveOne(location, extension, source, files);
        }
        if (files.isEmpty()) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no " + source.format() + " files found at "
                    + source.paths());
        }
        boolean hive = files.stream().anyMatch(file -> !file.partitionValues().isEmpty());
        return new ResolvedDataset(files, hive ? HivePartitions.fields(files) : List.of());
    }

    private static void resolveOne(String location, String extension, ScanSource source, List<DataFile> out) {
        if (ObjectStores.isRemote(location)) {
            resolveRemote(location, extension, source, out);
            return;
        }
        int glob = firstGlobCharacter(location);
        if (glob < 0) {
            Path path = Path.of(location);
            if (Files.isDirectory(path)) {
                walk(path, extension, source.flag(HIVE_PARTITIONING, true), file -> true, out);
            } else if (Files.isRegularFile(path)) {
                out.add(new DataFile(path.toString(), size(path), Map.of()));
            } else {
                throw new FloeException(ErrorCode.FILE_NOT_FOUND, "file or directory not found: " + location);
            }
            return;
        }
        int slash = location.lastIndexOf('/', glob);
        Path root = Path.of(slash < 0 ? "." : location.substring(0, Math.max(slash, 1)));
        String pattern = location.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(root)) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "directory not found: " + root + " (from the glob "
                    + location + ")");
        }
        int before = out.size();
        walk(root, null, source.flag(HIVE_PARTITIONING, true), relative -> matcher.matches(relative), out);
        if (out.size() == before) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no files match the glob " + location);
        }
    }

    /** Object store locations: an object, a prefix (a "directory"), or a glob over keys. */
    private static void resolveRemote(String location, String extension, ScanSource source, List<DataFile> out) {
        ObjectStore store = ObjectStores.forLocation(location, source.options());
        boolean hive = source.flag(HIVE_PARTITIONING, true);
        int glob = firstGlobCharacter(location);
        if (glob < 0) {
            if (!location.endsWith("/") && store.exists(location)) {
                out.add(new DataFile(location, -1, Map.of()));
                return;
            }
            String prefix = location.endsWith("/") ? location : location + "/";
            int before = out.size();
            for (StoredObject object : store.list(prefix)) {
                String relative = object.location().substring(prefix.length());
                if (!isHidden(Path.of(relative)) && object.location().endsWith(extension)) {
                    out.add(new DataFile(object.location(), object.size(),
                            hive ? HivePartitions.parse(relative) : Map.of()));
                }
            }
            if (out.size() == before) {
                throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no object or prefix found at " + location);
            }
            return;
        }
        int slash = location.lastIndexOf('/', glob);
        String prefix = location.substring(0, slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + location.substring(slash + 1));
        int before = out.size();
        for (StoredObject object : store.list(prefix)) {
            String relative = object.location().substring(prefix.length());
            if (!isHidden(Path.of(relative)) && matcher.matches(Path.of(relative))) {
                out.add(new DataFile(object.location(), object.size(), hive ? HivePartitions.parse(relative) : Map.of()));
            }
        }
        if (out.size() == before) {
            throw new FloeException(ErrorCode.FILE_NOT_FOUND, "no objects match the glob " + location);
        }
    }

    private static void walk(Path root, String extension, boolean hive,
            java.util.function.Predicate<Path> accept, List<DataFile> out) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> found = paths.filter(Files::isRegularFile)
                    .filter(path -> !isHidden(root.relativize(path)))
                    .filter(path -> extension == null || path.getFileName().toString().endsWith(extension))
                    .filter(path -> accept.test(root.relativize(path)))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
            for (Path path : found) {
                String relative = root.relativize(path).toString();
                out.add(new DataFile(path.toString(), size(path), hive ? HivePartitions.parse(relative) : Map.of()));
            }
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot list " + root + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot list " + root + ": " + e.getCause().getMessage(), e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new FloeException(ErrorCode.IO_ERROR, "cannot read the size of " + path + ": " + e.getMessage(), e);
        }
    }

    /** Index of the first glob metacharacter, or -1. */
    public static int firstGlobCharacter(String location) {
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
