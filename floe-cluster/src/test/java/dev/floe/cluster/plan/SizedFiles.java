package dev.floe.cluster.plan;

import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.plan.logical.Scan;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A hand-written scan splitter for planner tests over sources of known size, with no files behind them: a Parquet
 * path named {@code <rows>-<tasks>.parquet} splits into that many tasks of that many rows (20 bytes a row) each.
 */
final class SizedFiles {
    static final ScanSplitter SPLITTER = scan -> {
        String path = scan.source().paths().getFirst();
        String[] parts = path.substring(path.lastIndexOf('/') + 1).replace(".parquet", "").split("-");
        long rows = Long.parseLong(parts[0]);
        List<ScanTask> tasks = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
            tasks.add(new ScanTask(path, i, 1, rows, rows * 20, Map.of()));
        }
        return tasks;
    };

    private SizedFiles() {
    }

    /** A scan of {@code tasks} splits of {@code rowsPerTask} rows each with {@code schema}. */
    static Scan table(Schema schema, long rowsPerTask, int tasks) {
        return Scan.of(new ScanSource(FileFormat.PARQUET, List.of("/data/" + rowsPerTask + "-" + tasks + ".parquet"),
                Map.of()), schema);
    }
}
