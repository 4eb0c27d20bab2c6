package dev.floe.exec.scan;

import dev.floe.io.FileFormat;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanTask;
import dev.floe.io.SourceStatistics;
import dev.floe.io.TableOpener;
import dev.floe.io.TableSource;
import dev.floe.plan.explain.ScanReport;
import dev.floe.plan.logical.Scan;
import java.util.List;

/**
 * Tells explain what a scan reads after pruning: it opens the source, plans the scan's tasks with the same
 * pushed-down predicate the executor uses, and counts the files (and Parquet row groups) kept of the total.
 */
public final class ScanPruningReport implements ScanReport {
    private final TableOpener tables;

    public ScanPruningReport(TableOpener tables) {
        this.tables = tables;
    }

    @Override
    public String describe(Scan scan) {
        TableSource table = tables.open(scan.source());
        SourceStatistics statistics = table.statistics();
        List<ScanTask> tasks = table.plan(new ScanRequest(scan.projection(), PredicateTranslator.translate(scan.predicate()),
                -1, ScanRequest.DEFAULT_BATCH_SIZE));
        long files = tasks.stream().map(ScanTask::path).distinct().count();
        StringBuilder text = new StringBuilder().append(files).append('/').append(statistics.files()).append(" FILES");
        if (scan.source().format() == FileFormat.PARQUET && statistics.rowGroups() >= 0) {
            long rowGroups = tasks.stream().mapToLong(ScanTask::length).sum();
            text.append(", ").append(rowGroups).append('/').append(statistics.rowGroups()).append(" ROW GROUPS");
        }
        return text.toString();
    }
}
