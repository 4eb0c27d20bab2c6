package dev.floe.cluster.coordinator;

import dev.floe.cluster.plan.ScanSplitter;
import dev.floe.io.ScanSource;
import dev.floe.io.ScanTask;
import dev.floe.io.TableOpener;
import dev.floe.io.TableSource;
import dev.floe.plan.logical.Scan;
import dev.floe.plan.optimizer.RowCountSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tables one query's planning reads, each opened once: resolving the plan, the optimizer's row counts and the
 * stage planner's scan splits otherwise opened every source again (each open lists the dataset's files and checks
 * their versions, and the optimizer's row counts opened tables outside the process's {@code TableCache}), and
 * split the same scan once per question asked. Not thread-safe: one instance serves one query's planning.
 */
final class PlanningTables implements TableOpener {
    private final TableOpener base;
    private final Map<ScanSource, TableSource> opened = new HashMap<>();
    private final Map<Scan, List<ScanTask>> splits = new HashMap<>();

    PlanningTables(TableOpener base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The source's table, opened with the base opener the first time it is asked for; a failed open is not kept. */
    @Override
    public TableSource open(ScanSource source) {
        TableSource table = opened.get(source);
        if (table == null) {
            table = base.open(source);
            opened.put(source, table);
        }
        return table;
    }

    /** Row counts from the opened tables' statistics; unknown when opening fails or the format records none. */
    RowCountSource rowCounts() {
        return RowCountSource.fromTables(this);
    }

    /** Scan tasks as {@link ScanSplitter#from(TableOpener)} cuts them, computed once per distinct scan. */
    ScanSplitter splitter() {
        return ScanSplitter.from(this).memoized(splits);
    }
}
