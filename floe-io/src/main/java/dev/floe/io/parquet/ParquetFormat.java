package dev.floe.io.parquet;

import dev.floe.io.FileFormat;
import dev.floe.io.TableSources;

/** Registers Floe's Parquet reader with {@link TableSources}; call {@link #register()} once before scanning. */
public final class ParquetFormat {
    static {
        TableSources.register(FileFormat.PARQUET, ParquetTableSource::open);
    }

    private ParquetFormat() {
    }

    /** Makes {@code TableSources.open} handle {@link FileFormat#PARQUET} (idempotent). */
    public static void register() {
        // the static initializer did the work
    }
}
