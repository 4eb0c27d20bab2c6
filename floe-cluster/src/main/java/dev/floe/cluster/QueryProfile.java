package dev.floe.cluster;

import dev.floe.cluster.protocol.ProfileEntry;
import java.util.List;

/**
 * Where a query's work went: per stage and worker, tasks, rows in and out, shuffle bytes written and read (and of
 * those read, fetched from peers over Flight), time.
 */
public record QueryProfile(long queryId, List<ProfileEntry> entries) {
    public QueryProfile {
        entries = List.copyOf(entries);
    }

    /** A fixed-width table, one line per stage and worker. */
    public String render() {
        StringBuilder out = new StringBuilder(String.format("%-6s %-22s %6s %12s %12s %14s %14s %14s %10s%n",
                "stage", "worker", "tasks", "rows_in", "rows_out", "shuffle_write", "shuffle_read", "shuffle_fetch",
                "millis"));
        for (ProfileEntry entry : entries) {
            out.append(String.format("%-6d %-22s %6d %12d %12d %14d %14d %14d %10d%n", entry.stageId(),
                    entry.worker(), entry.tasks(), entry.metrics().rowsIn(), entry.metrics().rowsOut(),
                    entry.metrics().shuffleBytesWritten(), entry.metrics().shuffleBytesRead(),
                    entry.metrics().shuffleBytesFetched(), entry.metrics().durationMillis()));
        }
        return out.toString();
    }
}
