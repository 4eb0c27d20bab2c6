package dev.floe.io;

/**
 * Opens the table a scan reads. Production code uses {@link TableSources#open}; tests hand the executor a
 * fake that serves tables from memory.
 */
@FunctionalInterface
public interface TableOpener {
    TableOpener FILES = TableSources::open;

    TableSource open(ScanSource source);
}
