package dev.floe.cluster;

import dev.floe.cluster.plan.ScanTaskSelection;
import dev.floe.core.ErrorCode;
import dev.floe.core.FloeException;
import dev.floe.io.FileFormat;
import dev.floe.io.ScanSource;
import dev.floe.io.TableOpener;
import dev.floe.io.TableSource;
import dev.floe.io.dataset.DataFile;
import dev.floe.io.dataset.DatasetResolver;
import dev.floe.io.storage.ObjectStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Keeps opened local Parquet tables (their footers) across the queries and tasks of one process, so the
 * coordinator's planning and every worker task do not read the same footers again. An entry is used only while
 * every file of the source still has the size, modification time and file identity it had when it was opened:
 * each lookup lists the source's files again (so a missing file fails exactly as an uncached open would) and a
 * changed file is opened afresh. Other formats and object-store sources are opened every time.
 */
public final class TableCache implements TableOpener {
    /** The process's cache, shared by the coordinator's planner and the worker's task runner. */
    public static final TableCache SHARED = new TableCache(TableOpener.FILES, 128);

    /** What a file looked like when its table was opened. */
    private record Version(String path, long size, long modifiedNanos, Object fileKey) {
    }

    private record Entry(List<Version> versions, TableSource table) {
    }

    private final TableOpener base;
    private final int capacity;
    private final Map<ScanSource, Entry> entries;
    private long hits;
    private long misses;

    /** A cache of at most {@code capacity} sources opened with {@code base}. */
    public TableCache(TableOpener base, int capacity) {
        if (capacity < 1) {
            throw FloeException.invalidArgument("a table cache holds at least one table, got " + capacity);
        }
        this.base = Objects.requireNonNull(base, "base");
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    public TableSource open(ScanSource source) {
        if (!cacheable(source)) {
            return base.open(source);
        }
        ScanSource key = withoutRowGroups(source);
        List<Version> versions = versions(key);
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry != null && entry.versions().equals(versions)) {
                hits++;
                return entry.table();
            }
            misses++;
        }
        TableSource table = base.open(key);
        synchronized (this) {
            entries.put(key, new Entry(versions, table));
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return table;
    }

    /** Lookups answered from the cache and lookups that opened the table, since the cache was made. */
    public synchronized long[] counts() {
        return new long[] {hits, misses};
    }

    /** Drops every entry. */
    public synchronized void clear() {
        entries.clear();
    }

    private static boolean cacheable(ScanSource source) {
        return source.format() == FileFormat.PARQUET
                && source.paths().stream().noneMatch(ObjectStores::isRemote);
    }

    private static ScanSource withoutRowGroups(ScanSource source) {
        if (!source.options().containsKey(ScanTaskSelection.OPTION)) {
            return source;
        }
        Map<String, String> options = new TreeMap<>(source.options());
        options.remove(ScanTaskSelection.OPTION);
        return new ScanSource(source.format(), source.paths(), options);
    }

    /** The current version of every file of {@code source}; a missing one fails as opening it would. */
    private static List<Version> versions(ScanSource source) {
        List<DataFile> files = DatasetResolver.resolve(source).files();
        List<Version> versions = new ArrayList<>(files.size());
        for (DataFile file : files) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(Path.of(file.path()), BasicFileAttributes.class);
                versions.add(new Version(file.path(), attributes.size(),
                        attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                        attributes.fileKey()));
            } catch (IOException e) {
                throw new FloeException(ErrorCode.FILE_NOT_FOUND, "file not found: " + file.path(), e);
            }
        }
        return versions;
    }
}
