package dev.floe.io.csv;

import dev.floe.io.FileFormat;
import dev.floe.io.TableSources;

/** Registers the CSV reader with {@link TableSources}. */
public final class CsvFormat {
    private CsvFormat() {
    }

    public static void register() {
        TableSources.register(FileFormat.CSV, CsvTableSource::open);
    }
}
