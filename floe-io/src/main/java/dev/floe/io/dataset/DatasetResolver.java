package dev.floe.io.dataset;

import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.ScanSource;
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
 * globs).
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
        if (location.startsWith("s3://")) {
            throw new FloeException(ErrorCode.INVALID_ARGUMENT, "s3:// paths are read through the object store "
                    + "layer; '" + location + "' reached the local file resolver");
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
