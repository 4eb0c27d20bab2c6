package dev.floe.cluster.plan;

import dev.floe.io.ScanRequest;
import dev.floe.io.ScanTask;
import dev.floe.io.TableSources;
import dev.floe.plan.logical.Scan;
import java.util.List;

/** Cuts a scan into its {@link ScanTask}s (files, row-group ranges) so the planner can spread them over partitions. */
@FunctionalInterface
public interface ScanSplitter {
    List<ScanTask> tasks(Scan scan);

    /** The splitter that asks the format's registered {@link dev.floe.io.TableSource}. */
    static ScanSplitter fromTableSources() {
        return scan -> TableSources.open(scan.source())
                .plan(new ScanRequest(scan.projection(), null, scan.limit(), ScanRequest.DEFAULT_BATCH_SIZE));
    }
}
