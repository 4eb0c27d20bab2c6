package dev.floe.cluster.plan;

import dev.floe.io.ScanRequest;
import dev.floe.io.ScanTask;
import dev.floe.io.TableOpener;
import dev.floe.plan.logical.Scan;
import java.util.List;

/** Cuts a scan into its {@link ScanTask}s (files, row-group ranges) so the planner can spread them over partitions. */
@FunctionalInterface
public interface ScanSplitter {
    List<ScanTask> tasks(Scan scan);

    /** The splitter that asks the format's {@link dev.floe.io.TableSource}, opened afresh. */
    static ScanSplitter fromTableSources() {
        return from(TableOpener.FILES);
    }

    /** The splitter that asks the table {@code tables} opens for the scan's source (a cache, a test fake). */
    static ScanSplitter from(TableOpener tables) {
        return scan -> tables.open(scan.source())
                .plan(new ScanRequest(scan.projection(), null, scan.limit(), ScanRequest.DEFAULT_BATCH_SIZE));
    }
}
