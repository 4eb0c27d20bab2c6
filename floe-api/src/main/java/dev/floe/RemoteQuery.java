package dev.floe;

import dev.floe.cluster.ClusterClient;
import dev.floe.cluster.DistributedOptions;
import dev.floe.cluster.LocalCluster;
import dev.floe.cluster.ResultLocation;
import dev.floe.cluster.plan.DistributedPlanner;
import dev.floe.cluster.plan.ScanSplitter;
import dev.floe.cluster.plan.StageGraph;
import dev.floe.cluster.plan.StageGraphText;
import dev.floe.core.FloeException;
import dev.floe.io.FileFormat;
import dev.floe.plan.codec.DslCodec;
import dev.floe.plan.dsl.DslPlan;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A lazy query bound to a {@link ComputeContext} ({@code lf.remote(ctx)}), as Polars Cloud's remote query: pick
 * {@link #distributed()} (the default) or {@link #singleNode()}, then {@link #execute()}, {@link #submit()},
 * {@link #show()}, {@link #collect()} or a sink. The client ships the unresolved plan ({@code DslCodec}) and the
 * options; the coordinator resolves, optimizes and cuts it into stages, so a user error (an unknown column, a
 * missing file) comes back as the same {@code FloeException}.
 */
public final class RemoteQuery {
    /** In-memory sources travel inside the plan up to this many encoded bytes; larger ones must be written to files. */
    public static final long INLINE_SOURCE_LIMIT_BYTES = 64L * 1024 * 1024;
    /** Rows {@link #execute()} fetches into {@link QueryResult#head()} and {@link #show()} prints. */
    public static final int DEFAULT_HEAD_ROWS = 10;

    private final LazyFrame frame;
    private final ComputeContext context;
    private final boolean singleNode;
    private final DistributedOptions options;

    RemoteQuery(LazyFrame frame, ComputeContext context) {
        this(frame, context, false, DistributedOptions.defaults());
    }

    private RemoteQuery(LazyFrame frame, ComputeContext context, boolean singleNode, DistributedOptions options) {
        this.frame = Objects.requireNonNull(frame, "frame");
        this.context = Objects.requireNonNull(context, "context");
        this.singleNode = singleNode;
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Runs on every worker of the cluster with default options (the default mode). */
    public RemoteQuery distributed() {
        return distributed(DistributedOptions.defaults());
    }

    public RemoteQuery distributed(DistributedOptions distributedOptions) {
        return new RemoteQuery(frame, context, false, distributedOptions);
    }

    /** Runs each stage as a single partition (one worker at a time). */
    public RemoteQuery singleNode() {
        return new RemoteQuery(frame, context, true, options);
    }

    public boolean isSingleNode() {
        return singleNode;
    }

    public DistributedOptions options() {
        return options;
    }

    /** Submits the query and returns at once. */
    public QueryHandle submit() {
        return submit(frame.plan(), null, DEFAULT_HEAD_ROWS);
    }

    /** Runs the query and waits: its result holds the first {@value #DEFAULT_HEAD_ROWS} rows. */
    public QueryResult execute() {
        return submit().awaitResult();
    }

    /** Prints the first 10 rows. */
    public void show() {
        show(DEFAULT_HEAD_ROWS);
    }

    /** Prints the first {@code rows} rows of the result. */
    public void show(int rows) {
        if (rows < 0) {
            throw FloeException.invalidArgument("show needs rows >= 0, got " + rows);
        }
        System.out.println(submit(frame.plan(), null, rows).awaitResult().head());
    }

    /**
     * A lazy frame over the result files (interactive mode: kept for the context's retention); in job mode, whose
     * results go with the cluster, over the rows read into memory.
     */
    public LazyFrame collect() {
        return context.jobMode() ? collectFrame().lazy() : execute().lazy();
    }

    /** Runs the query and reads every result row into a frame (what {@code floe pdsh run --distributed} calls). */
    public DataFrame collectFrame() {
        return submit(frame.plan(), null, Long.MAX_VALUE).awaitResult().head();
    }

    public QueryResult sinkParquet(String uri) {
        return sink(FileFormat.PARQUET, uri, Map.of());
    }

    /** Writes Parquet with the sink's options, storage options ({@code aws_*}) included for an {@code s3://} uri. */
    public QueryResult sinkParquet(String uri, Map<String, String> sinkOptions) {
        return sink(FileFormat.PARQUET, uri, sinkOptions);
    }

    public QueryResult sinkCsv(String uri) {
        return sink(FileFormat.CSV, uri, Map.of());
    }

    public QueryResult sinkCsv(String uri, Map<String, String> sinkOptions) {
        return sink(FileFormat.CSV, uri, sinkOptions);
    }

    public QueryResult sinkIpc(String uri) {
        return sink(FileFormat.IPC, uri, Map.of());
    }

    public QueryResult sinkIpc(String uri, Map<String, String> sinkOptions) {
        return sink(FileFormat.IPC, uri, sinkOptions);
    }

    /** Writes the result with the format's options; a local path is made absolute, since workers resolve it. */
    public QueryResult sink(FileFormat format, String uri, Map<String, String> sinkOptions) {
        if (uri == null || uri.isBlank()) {
            throw FloeException.invalidArgument("a sink needs a path or URI, got '" + uri + "'");
        }
        String target = uri.contains("://") ? uri : Path.of(uri).toAbsolutePath().toString();
        DslPlan plan = new DslPlan.Sink(frame.plan(), format, target, sinkOptions);
        return submit(plan, new QueryHandle.SinkTarget(format, target, storageOptionsOf(sinkOptions)), 0).awaitResult();
    }

    /** The stage graph this query runs as, as text: stages, partitions, exchanges and each stage's fragment. */
    public String explain() {
        return StageGraphText.text(stageGraph());
    }

    /** The stage graph in Graphviz dot. */
    public String explainDot() {
        return StageGraphText.dot(stageGraph());
    }

    /** Plans the query here as the coordinator would for this context's cluster size. */
    public StageGraph stageGraph() {
        int workers = singleNode ? 1 : context.plannedWorkers();
        DistributedOptions planned = singleNode ? options.withPartitionsPerWorker(1)
                : options.forSlotsPerWorker(context.cpus());
        return new DistributedPlanner(planned, Math.max(1, workers), ScanSplitter.fromTableSources())
                .plan(frame.optimizedPlan());
    }

    /** The storage settings among a sink's options, to read the written files back. */
    private static Map<String, String> storageOptionsOf(Map<String, String> sinkOptions) {
        Map<String, String> storage = new java.util.TreeMap<>();
        sinkOptions.forEach((name, value) -> {
            if (name.startsWith("aws_") || name.equals("request_payer")) {
                storage.put(name, value);
            }
        });
        return storage;
    }

    private QueryHandle submit(DslPlan plan, QueryHandle.SinkTarget sink, long headRows) {
        dev.floe.cluster.TimingTrace.log("client submit");
        byte[] encoded = DslCodec.encode(plan);
        InlineSources.check(plan, encoded.length, INLINE_SOURCE_LIMIT_BYTES);
        ResultLocation result = sink == null ? context.nextResultLocation() : ResultLocation.DEFAULT;
        if (context.jobMode()) {
            LocalCluster cluster = context.startJobCluster();
            ClusterClient client = cluster.client();
            try {
                return new QueryHandle(send(client, encoded, result), sink, headRows, cluster, client, context,
                        result);
            } catch (RuntimeException e) {
                client.close();
                cluster.close();
                ComputeContext.deleteTree(cluster.directory());
                throw e;
            }
        }
        return new QueryHandle(send(context.client(), encoded, result), sink, headRows, null, null, context, result);
    }

    private dev.floe.cluster.QueryHandle send(ClusterClient client, byte[] encoded, ResultLocation result) {
        return client.submitDsl(encoded, options, singleNode, result);
    }

    @Override
    public String toString() {
        return "RemoteQuery(" + (singleNode ? "single node" : "distributed") + " on " + context + ")";
    }
}
