package dev.floe;

import dev.floe.cluster.LocalCluster;
import dev.floe.cluster.QueryProfile;
import dev.floe.cluster.QueryStatus;
import dev.floe.cluster.ResultLocation;
import dev.floe.io.FileFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A remote query that was submitted and runs in the background: its {@link #status()}, {@link #awaitResult()},
 * {@link #cancel()} and {@link #profile()}. In job mode the handle owns the query's cluster and stops it once the
 * query ended and its result (head rows and profile) was fetched.
 */
public final class QueryHandle {
    /** Where a sink query wrote its output and the storage options to read it ({@code null}: no sink). */
    record SinkTarget(FileFormat format, String uri, Map<String, String> storageOptions) {
        @Override
        public String toString() {
            return "SinkTarget[" + format + ", " + uri + "]";
        }
    }

    private final dev.floe.cluster.QueryHandle handle;
    private final SinkTarget sink;
    private final long headRows;
    private final ComputeContext context;
    private final ResultLocation resultLocation;
    private final boolean progress;
    private LocalCluster jobCluster;
    private dev.floe.cluster.ClusterClient jobClient;
    private QueryProfile finalProfile;
    private QueryStatus finalStatus;
    private QueryResult result;

    QueryHandle(dev.floe.cluster.QueryHandle handle, SinkTarget sink, long headRows, LocalCluster jobCluster,
            dev.floe.cluster.ClusterClient jobClient, ComputeContext context, ResultLocation resultLocation) {
        this.handle = handle;
        this.context = context;
        this.resultLocation = resultLocation;
        this.sink = sink;
        this.headRows = headRows;
        this.progress = context.showsProgress();
        this.jobCluster = jobCluster;
        this.jobClient = jobClient;
    }

    public long id() {
        return handle.id();
    }

    /** QUEUED, SCHEDULED, RUNNING, SUCCESS, FAILED or CANCELED. */
    public synchronized QueryStatus status() {
        return finalStatus != null ? finalStatus : handle.status();
    }

    /** The stage graph the coordinator planned, as text. */
    public String stageGraph() {
        return handle.info().explain();
    }

    public QueryResult awaitResult() {
        return awaitResult(Duration.ofHours(24));
    }

    /** Waits for the query to end; returns its result, or throws its error as a {@code FloeException}. */
    public synchronized QueryResult awaitResult(Duration timeout) {
        if (result != null) {
            return result;
        }
        try {
            dev.floe.cluster.QueryResult done = progress
                    ? handle.awaitResult(timeout, new dev.floe.cluster.ProgressPrinter(System.err))
                    : handle.awaitResult(timeout);
            dev.floe.cluster.TimingTrace.log("client await done");
            Map<String, String> storageOptions = sink == null ? resultLocation.storageOptions() : sink.storageOptions();
            DataFrame head = sink == null ? ResultFiles.head(done, headRows, storageOptions) : DataFrame.empty(
                    dev.floe.core.types.Schema.EMPTY);
            dev.floe.cluster.TimingTrace.log("client head read");
            List<String> locations = sink == null ? done.resultFiles() : List.of(sink.uri());
            FileFormat type = sink == null ? done.fileType() : sink.format();
            result = new QueryResult(done.queryId(), head, done.totalRows(),
                    done.totalStages(), done.finishedStages(), done.failedStages(), locations, type, done.explain(),
                    storageOptions);
            return result;
        } finally {
            stopJobCluster();
        }
    }

    public synchronized void cancel() {
        try {
            if (finalStatus == null) {
                handle.cancel();
            }
        } finally {
            stopJobCluster();
        }
    }

    /** Per stage and worker: tasks, rows in and out, shuffle bytes written and read, time ({@code render()} prints it). */
    public synchronized QueryProfile profile() {
        if (finalProfile != null) {
            return finalProfile;
        }
        return handle.profile();
    }

    /** The profile as a frame: one row per stage and worker. */
    public DataFrame profileFrame() {
        return Profiles.frame(profile());
    }

    private void stopJobCluster() {
        if (jobCluster == null) {
            return;
        }
        try {
            finalStatus = handle.status();
            finalProfile = handle.profile();
        } catch (RuntimeException e) {
            finalStatus = finalStatus == null ? QueryStatus.FAILED : finalStatus;
            finalProfile = new QueryProfile(handle.id(), List.of());
        }
        jobClient.close();
        jobCluster.close();
        ComputeContext.deleteTree(jobCluster.directory());
        if (sink == null && !resultLocation.isDefault()) {
            try {
                context.deleteResult(resultLocation.directory());
            } catch (dev.floe.core.FloeException e) {
                // Best effort, as for the cluster's directory.
            }
        }
        jobCluster = null;
        jobClient = null;
    }
}
