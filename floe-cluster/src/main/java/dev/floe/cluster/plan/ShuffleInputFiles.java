package dev.floe.cluster.plan;

import dev.floe.core.FloeException;
import java.nio.file.Path;
import java.util.List;

/**
 * The local files of one shuffle input of a task and the reduce partition it reads from them: map outputs on this
 * host hold every partition of their map task, files fetched from peers that partition only, all as partitioned
 * Arrow IPC files. {@link #WHOLE} reads whole, unpartitioned files (a test's hand-written input).
 */
public record ShuffleInputFiles(int partition, List<Path> files) {
    /** The {@code partition} of files read whole. */
    public static final int WHOLE = -1;

    public ShuffleInputFiles {
        files = List.copyOf(files);
        if (partition < WHOLE) {
            throw FloeException.internal("a shuffle input partition must be >= 0 (or WHOLE), got " + partition);
        }
    }

    /** Unpartitioned files read whole. */
    public static ShuffleInputFiles whole(List<Path> files) {
        return new ShuffleInputFiles(WHOLE, files);
    }
}
