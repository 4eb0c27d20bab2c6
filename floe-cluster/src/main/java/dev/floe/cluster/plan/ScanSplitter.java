package dev.floe.cluster.plan;

import dev.floe.io.ColumnBounds;
import dev.floe.io.RowGroupBounds;
import dev.floe.io.ScanRequest;
import dev.floe.io.ScanTask;
import dev.floe.io.TableOpener;
import dev.floe.plan.logical.Scan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cuts a scan into its {@link ScanTask}s (files, row-group ranges) so the planner can spread them over partitions. */
@FunctionalInterface
public interface ScanSplitter {
    List<ScanTask> tasks(Scan scan);

    /**
     * The bounds of a numeric or date column of the scan's source, as its file statistics record them, for
     * estimating the rows a range predicate keeps; empty when unknown (the default).
     */
    default Optional<ColumnBounds> bounds(Scan scan, String column) {
        return Optional.empty();
    }

    /**
     * Every row group's statistics of an integer or date column of the scan's source, for a split by key ranges
     * ({@link KeyRangeSplit}); empty when the format records none (the default).
     */
    default Optional<List<RowGroupBounds>> rowGroupBounds(Scan scan, String column) {
        return Optional.empty();
    }

    /** This splitter with each scan's tasks computed once into {@code cache} (the same bounds). */
    default ScanSplitter memoized(Map<Scan, List<ScanTask>> cache) {
        ScanSplitter cutter = this;
        return new ScanSplitter() {
            @Override
            public List<ScanTask> tasks(Scan scan) {
                return cache.computeIfAbsent(scan, cutter::tasks);
            }

            @Override
            public Optional<ColumnBounds> bounds(Scan scan, String column) {
                return cutter.bounds(scan, column);
            }

            @Override
            public Optional<List<RowGroupBounds>> rowGroupBounds(Scan scan, String column) {
                return cutter.rowGroupBounds(scan, column);
            }
        };
    }

    /** The splitter that asks the format's {@link dev.floe.io.TableSource}, opened afresh. */
    static ScanSplitter fromTableSources() {
        return from(TableOpener.FILES);
    }

    /** The splitter that asks the table {@code tables} opens for the scan's source (a cache, a test fake). */
    static ScanSplitter from(TableOpener tables) {
        return new ScanSplitter() {
            @Override
            public List<ScanTask> tasks(Scan scan) {
                return tables.open(scan.source()).plan(
                        new ScanRequest(scan.projection(), null, scan.limit(), ScanRequest.DEFAULT_BATCH_SIZE));
            }

            @Override
            public Optional<ColumnBounds> bounds(Scan scan, String column) {
                return tables.open(scan.source()).columnBounds(column);
            }

            @Override
            public Optional<List<RowGroupBounds>> rowGroupBounds(Scan scan, String column) {
                return tables.open(scan.source()).rowGroupBounds(column);
            }
        };
    }
}
