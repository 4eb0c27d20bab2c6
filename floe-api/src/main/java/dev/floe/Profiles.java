package dev.floe;

import dev.floe.cluster.QueryProfile;
import dev.floe.cluster.protocol.ProfileEntry;
import dev.floe.core.types.DataType;
import java.util.ArrayList;
import java.util.List;

/** Turns a distributed query's profile into a {@link DataFrame}, one row per stage and worker. */
final class Profiles {
    private Profiles() {
    }

    static DataFrame frame(QueryProfile profile) {
        List<Long> stages = new ArrayList<>();
        List<String> workers = new ArrayList<>();
        List<Long> tasks = new ArrayList<>();
        List<Long> rowsIn = new ArrayList<>();
        List<Long> rowsOut = new ArrayList<>();
        List<Long> written = new ArrayList<>();
        List<Long> read = new ArrayList<>();
        List<Long> fetched = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (ProfileEntry entry : profile.entries()) {
            stages.add((long) entry.stageId());
            workers.add(entry.worker());
            tasks.add((long) entry.tasks());
            rowsIn.add(entry.metrics().rowsIn());
            rowsOut.add(entry.metrics().rowsOut());
            written.add(entry.metrics().shuffleBytesWritten());
            read.add(entry.metrics().shuffleBytesRead());
            fetched.add(entry.metrics().shuffleBytesFetched());
            millis.add(entry.metrics().durationMillis());
        }
        return DataFrame.builder().column("stage", DataType.INT64, stages).column("worker", DataType.STRING, workers)
                .column("tasks", DataType.INT64, tasks).column("rows_in", DataType.INT64, rowsIn)
                .column("rows_out", DataType.INT64, rowsOut).column("shuffle_bytes_written", DataType.INT64, written)
                .column("shuffle_bytes_read", DataType.INT64, read)
                .column("shuffle_bytes_fetched", DataType.INT64, fetched).column("millis", DataType.INT64, millis)
                .build();
    }
}
