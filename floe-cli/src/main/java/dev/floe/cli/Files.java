package dev.floe.cli;

import dev.floe.Floe;
import dev.floe.LazyFrame;
import dev.floe.core.FloeException;
import dev.floe.io.FileFormat;
import java.util.Locale;

/**
 * File formats chosen by extension for the file commands. CSV is read with date parsing on, so that
 * {@code convert} keeps dates and datetimes typed.
 */
final class Files {
    private Files() {
    }

    static FileFormat formatOf(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet") || name.endsWith(".pq")) {
            return FileFormat.PARQUET;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return FileFormat.CSV;
        }
        if (name.endsWith(".arrow") || name.endsWith(".arrows") || name.endsWith(".ipc")
                || name.endsWith(".feather")) {
            return FileFormat.IPC;
        }
        throw FloeException.invalidArgument("cannot tell the format of '" + path + "' from its extension; use "
                + ".parquet, .csv, .tsv, .arrow, .arrows, .ipc or .feather");
    }

    static LazyFrame scan(String path, FileFormat format) {
        return switch (format) {
            case PARQUET -> Floe.scanParquet(path);
            case CSV -> Floe.scanCsv(path, csvOptions(path));
            case IPC -> Floe.scanIpc(path);
        };
    }

    private static dev.floe.ScanOptions csvOptions(String path) {
        dev.floe.ScanOptions options = dev.floe.ScanOptions.defaults().with("try_parse_dates", "true");
        return path.toLowerCase(Locale.ROOT).endsWith(".tsv") ? options.separator('\t') : options;
    }
}
