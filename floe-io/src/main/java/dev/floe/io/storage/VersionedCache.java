package dev.floe.io.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A bounded cache of values parsed from files or objects (Parquet footers), keyed by location and content
 * version ({@link InputFile#version()}: length and modification time, or length and ETag), so a changed file is
 * parsed again. The least recently used entries go first once {@code capacity} is reached. Thread-safe; two
 * threads missing the same key at once may both load it.
 */
public final class VersionedCache<V> {
    private final int capacity;
    private final Map<String, V> entries;
    private long hits;
    private long misses;

    public VersionedCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > VersionedCache.this.capacity;
            }
        };
    }

    /** The cached value of {@code location} at {@code version}, else {@code loader}'s (cached when the version is known). */
    public V get(String location, String version, Supplier<V> loader) {
        if (version == null) {
            synchronized (this) {
                misses++;
            }
            return loader.get();
        }
        String key = location + "\u0000" + version;
        synchronized (this) {
            V cached = entries.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        V loaded = loader.get();
        synchronized (this) {
            entries.put(key, loaded);
        }
        return loaded;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
