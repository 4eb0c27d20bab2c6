package dev.floe.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Opens {@link ScanSource}s: one opener per format, registered by the format's package. Adding a file format
 * means writing a {@link TableSource} and registering it here.
 */
public final class TableSources {
    private static final Map<FileFormat, Function<ScanSource, TableSource>> OPENERS = new ConcurrentHashMap<>();

    private TableSources() {
    }

    public static void register(FileFormat format, Function<ScanSource, TableSource> opener) {
        OPENERS.put(format, opener);
    }

    public static TableSource open(ScanSource source) {
        Function<ScanSource, TableSource> opener = OPENERS.get(source.format());
        if (opener == null) {
            throw dev.floe.core.FloeException.internal("no reader registered for " + source.format());
        }
        return opener.apply(source);
    }
}
