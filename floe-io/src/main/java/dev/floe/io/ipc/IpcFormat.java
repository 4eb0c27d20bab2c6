package dev.floe.io.ipc;

import dev.floe.io.FileFormat;
import dev.floe.io.TableSources;

/** Registers the Arrow IPC reader with {@link TableSources}. */
public final class IpcFormat {
    private IpcFormat() {
    }

    public static void register() {
        TableSources.register(FileFormat.IPC, IpcTableSource::open);
    }
}
