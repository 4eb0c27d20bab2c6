package dev.floe.cluster.plan;

import dev.floe.core.types.DataType;
import dev.floe.core.types.Field;
import dev.floe.core.types.Schema;
import dev.floe.io.FileFormat;
import dev.floe.io.RowGroupBounds;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.plan.logical.Scan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake splitter over Parquet sources with no files behind them, for the key-range planning tests: each source
 * has {@link #GROUPS} row groups (one task each) of {@code N} rows, N being the number after the last dash of its
 * name (1000 when there is none). Row group {@code i} holds keys {@code [100 i, 100 i + 99]}; in a source named
 * {@code straddle...} the last row group spans every key; a source named {@code nostats...} records no statistics.
 */
final class SortedRowGroups implements ScanSplitter {
    static final SortedRowGroups SPLITTER = new SortedRowGroups();
    static final int GROUPS = 8;
    static final Schema SCHEMA = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64));
    private static final long DEFAULT_ROWS = 1000;

    private SortedRowGroups() {
    }

    /** A scan of all columns of the source {@code name}. */
    static Scan table(String name) {
        return Scan.of(new ScanSource(FileFormat.PARQUET, List.of("/data/" + name + ".parquet"), Map.of()), SCHEMA);
    }

    @Override
    public List<ScanTask> tasks(Scan scan) {
        long rows = rows(scan);
        List<ScanTask> tasks = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            tasks.add(new ScanTask(path(scan), i, 1, rows, rows * 20, Map.of()));
        }
        return tasks;
    }

    @Override
    public Optional<List<RowGroupBounds>> rowGroupBounds(Scan scan, String column) {
        String path = path(scan);
        if (path.contains("nostats")) {
            return Optional.empty();
        }
        List<RowGroupBounds> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            boolean wide = path.contains("straddle") && i == GROUPS - 1;
            groups.add(new RowGroupBounds(path, i, rows(scan), true, wide ? 0 : 100L * i, 100L * i + 99, 0));
        }
        return Optional.of(groups);
    }

    private static String path(Scan scan) {
        return scan.source().paths().getFirst();
    }

    private static long rows(Scan scan) {
        String name = path(scan).replace(".parquet", "");
        String last = name.substring(name.lastIndexOf('-') + 1);
        return last.chars().allMatch(Character::isDigit) && !last.isEmpty() ? Long.parseLong(last) : DEFAULT_ROWS;
    }
}
