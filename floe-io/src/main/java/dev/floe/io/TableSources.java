package dev.floe.io;

import dev.floe.io.csv.CsvTableSource;
import dev.floe.io.ipc.IpcTableSource;
import dev.floe.io.parquet.ParquetTableSource;

/** Opens a {@link ScanSource} with the reader of its format. Adding a format adds a case here. */
public final class TableSources {
    private TableSources() {
    }

    public static TableSource open(ScanSource source) {
        return switch (source.format()) {
            case PARQUET -> ParquetTableSource.open(source);
            case CSV -> CsvTableSource.open(source);
            case IPC -> IpcTableSource.open(source);
        };
    }
}
